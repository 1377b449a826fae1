namespace UvShim.FakeUv;

/// <summary>
/// <c>uv pip install</c> and <c>uv pip sync</c>, offline: wheel paths and <c>name @ file://…</c> as arguments or in
/// <c>-r</c> files (with <c>--hash</c> checked); named requirements are resolved through local indexes and
/// <c>--find-links</c> directories (<see cref="Index.RegistryRequirements"/>).
/// </summary>
internal static class PipInstallCommand
{
    public static int Run(UvCommandLine line, PipConfig config, bool sync)
    {
        var requirements = new List<Requirement>();
        if (sync)
        {
            var files = line.PipOperands.ToList();
            if (files.Count == 0)
            {
                throw new UvError("the following required arguments were not provided:\n  <SRC_FILE>...");
            }
            foreach (var file in files)
            {
                requirements.AddRange(RequirementsFile.Read(file));
            }
        }
        else
        {
            if (line.Has("e", "editable", "group"))
            {
                throw new UvError("the fake uv installs only local wheel files (no -e or --group)");
            }
            var cwd = Directory.GetCurrentDirectory();
            requirements.AddRange(line.PipOperands.Select(o => Requirement.Parse(o, cwd)));
            foreach (var file in line.Values("r", "requirements", "requirement"))
            {
                requirements.AddRange(RequirementsFile.Read(file));
            }
            if (requirements.Count == 0 && !line.Has("r", "requirements", "requirement"))
            {
                throw new UvError("the following required arguments were not provided:\n  <PACKAGE|--requirements <REQUIREMENTS>|--editable <EDITABLE>|--group <GROUP>>");
            }
        }

        var output = new UvOutput(line.Quiet);
        var settings = PipSettings.Resolve(line, config);
        var target = InstallTarget.Resolve(
            settings, settings.IsTargetOrPrefix ? EnvironmentPreference.Any : EnvironmentPreference.ExplicitSystem);
        target.Report(output.Stderr);
        target.RefuseIfExternallyManaged();

        var requirementFiles = sync ? line.PipOperands.ToList() : line.Values("r", "requirements", "requirement").ToList();
        var wheels = Index.RegistryRequirements.Wheels(requirements, line, requirementFiles, noDeps: line.Has("no-deps"));
        if (wheels.Count == 0)
        {
            output.Stderr.WriteLine("warning: Requirements file does not contain any dependencies");
            return 0;
        }
        return InstallOperation.Run(
            target,
            wheels,
            output,
            exact: sync || line.FlagPair("exact", "inexact") == true,
            reinstall: line.Has("reinstall", "force-reinstall"),
            dryRun: line.Has("dry-run"),
            reportResolved: true);
    }
}
