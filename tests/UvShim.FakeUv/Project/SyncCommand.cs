using System.Diagnostics;

namespace UvShim.FakeUv.Project;

/// <summary>
/// <c>uv sync</c> from the workspace's <c>uv.lock</c>: "Resolved N packages" unless <c>--frozen</c>, the project
/// environment from <see cref="ProjectEnvironment.GetOrInit"/> (a system prefix with <c>bin/python3</c> is used as it is,
/// so an unwritable one fails like uv: <c>Failed to install: … Permission denied</c>), then <see cref="ProjectSync"/>,
/// exact unless <c>--inexact</c>. Knowingly different: no re-locking without <c>--frozen</c>; no <c>requires-python</c>
/// check; only local wheels can be installed.
/// </summary>
internal static class SyncCommand
{
    public static int Run(UvCommandLine line)
    {
        var clock = Stopwatch.StartNew();
        var project = ProjectWorkspace.Discover(line);
        var lockFile = project.ReadLock(line);
        var output = new UvOutput(line.Quiet);
        if (!line.Has("frozen") && !Boolish.Env("UV_FROZEN"))
        {
            output.Stderr.WriteLine($"Resolved {UvOutput.Packages(lockFile.Packages.Count)} in {UvOutput.Elapsed(clock.Elapsed)}");
        }
        var executable = ProjectEnvironment.GetOrInit(project, line, output);
        return ProjectSync.Install(project, lockFile, line, executable, output, exact: line.FlagPair("exact", "inexact") ?? true);
    }
}
