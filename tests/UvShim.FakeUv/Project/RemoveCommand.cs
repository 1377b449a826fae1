using System.Diagnostics;

namespace UvShim.FakeUv.Project;

/// <summary>
/// <c>uv remove &lt;names…&gt;</c> (crates/uv/src/commands/project/remove.rs): every entry of each name leaves
/// <c>[project].dependencies</c> (none is uv's "The dependency `x` could not be found in `project.dependencies`", exit 2)
/// and the file is written; with <c>--frozen</c> that is all. Then the interpreter (with <c>--no-sync</c> uv's
/// <c>ProjectInterpreter::discover</c>, an invalid environment passed over; else <c>get_or_init</c>), the lock: the
/// project's edge and <c>requires-dist</c> entry go, and the package's block too unless another package still depends on
/// it; "Resolved N packages"; then, unless <c>--no-sync</c>/<c>UV_NO_SYNC</c>, an exact sync. Knowingly different: the
/// package's own dependencies stay in the lock (uv would drop what nothing needs any more).
/// </summary>
internal static class RemoveCommand
{
    public static int Run(UvCommandLine line)
    {
        var clock = Stopwatch.StartNew();
        var names = line.Words.Skip(1).Select(PackageName.Normalize).ToList();
        if (names.Count == 0)
        {
            throw new UvError("the following required arguments were not provided:\n  <PACKAGES>...");
        }
        if (line.Has("dev", "group", "optional", "script"))
        {
            throw new UvError("the fake uv removes from `project.dependencies` only");
        }
        var project = ProjectWorkspace.Discover(line);
        if (project.Current is null)
        {
            throw new UvError($"The dependency `{names[0]}` could not be found in `project.dependencies`");
        }
        var pyprojectPath = project.Current.PyprojectPath;
        var pyproject = PyprojectDependencies.Read(pyprojectPath);
        foreach (var name in names)
        {
            if (pyproject.Remove(name) == 0)
            {
                throw new UvError($"The dependency `{name}` could not be found in `project.dependencies`");
            }
        }
        File.WriteAllText(pyprojectPath, pyproject.Text);
        if (line.Has("frozen") || Boolish.Env("UV_FROZEN"))
        {
            return 0;
        }

        var output = new UvOutput(line.Quiet);
        var noSync = line.Has("no-sync") || Boolish.Env("UV_NO_SYNC");
        var executable = noSync
            ? ProjectEnvironment.Discover(project, line, output)
            : ProjectEnvironment.GetOrInit(project, line, output);

        var lockFile = project.ReadLock(line);
        var editor = LockEditor.Read(project.LockPath);
        foreach (var name in names)
        {
            editor.SetDependency(project.Name, name, null);
            editor.SetRequiresDist(project.Name, name, null);
            var stillNeeded = lockFile.Packages.Any(p => p.Name != project.Name
                && (p.Dependencies.Any(d => d.Name == name)
                    || p.OptionalDependencies.Values.Any(g => g.Any(d => d.Name == name))
                    || p.DependencyGroups.Values.Any(g => g.Any(d => d.Name == name))))
                || lockFile.Members.Contains(name);
            var rootStillNeeds = lockFile.Packages.FirstOrDefault(p => p.Name == project.Name) is { } root
                && (root.OptionalDependencies.Values.Any(g => g.Any(d => d.Name == name)) || root.DependencyGroups.Values.Any(g => g.Any(d => d.Name == name)));
            if (!stillNeeded && !rootStillNeeds)
            {
                editor.RemovePackage(name);
            }
        }
        editor.Write(project.LockPath);
        output.Stderr.WriteLine($"Resolved {UvOutput.Packages(editor.PackageCount)} in {UvOutput.Elapsed(clock.Elapsed)}");
        if (noSync)
        {
            return 0;
        }
        return ProjectSync.Install(project, UvLock.Read(project.LockPath), AddCommand.SyncLine(line), executable, output, exact: true);
    }
}
