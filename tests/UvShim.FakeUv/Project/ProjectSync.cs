namespace UvShim.FakeUv.Project;

/// <summary>
/// Installs the locked packages a project command selects (<see cref="LockSelection"/>) into an environment, as uv's
/// <c>do_sync</c> does for what the fake can install offline: path wheels (relative to the workspace root) and registry
/// packages whose locked wheel is a local file (<see cref="LockPackage.LocalWheelPath"/>), hashes checked; virtual
/// packages are not installed. Editable, directory, URL and Git packages cannot be installed by the fake.
/// </summary>
internal static class ProjectSync
{
    public static int Install(ProjectWorkspace project, UvLock lockFile, UvCommandLine line, string executable, UvOutput output, bool exact, bool summaryOnly = false)
    {
        var python = PythonInterpreter.Query(executable);
        var settings = new PipSettings(false, executable, null, null, true);
        var target = new InstallTarget(python, InstallScheme.ForInterpreter(python), false, settings);

        var wheels = new List<LocalWheel>();
        foreach (var node in LockSelection.Select(lockFile, project, line))
        {
            var package = node.Package;
            switch (package.Source.Kind)
            {
                case "virtual":
                    continue;
                case "path" when WheelFileName.IsWheelPath(package.Source.Value):
                    var path = Path.GetFullPath(package.Source.Value, project.Root);
                    var requirement = new Requirement(package.Name, package.Name, UvPaths.FileUrl(path), package.Hashes, false);
                    wheels.Add(LocalWheel.FromRequirement(requirement));
                    break;
                case "registry" when package.LocalWheelPath(project.Root) is { } wheel:
                    wheels.Add(new LocalWheel(WheelFileName.Parse(wheel), UvPaths.FileUrl(wheel), package.Hashes, $"{package.Name}=={package.Version}", FromRegistry: true));
                    break;
                default:
                    throw new UvError($"the fake uv can sync only local wheels; cannot install `{package.Name}` from a `{package.Source.Kind}` source");
            }
        }
        return InstallOperation.Run(
            target,
            wheels,
            output,
            exact: exact,
            reinstall: line.Has("reinstall", "force-reinstall"),
            dryRun: line.Has("dry-run"),
            reportResolved: false,
            summaryOnly: summaryOnly);
    }
}
