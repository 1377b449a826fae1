using System.Diagnostics;

namespace UvShim.FakeUv;

/// <summary><c>uv pip install &lt;wheel&gt;…</c> for local wheel files, offline.</summary>
internal static class PipInstallCommand
{
    public static int Run(UvCommandLine line)
    {
        // Like uv: the compat check runs before anything else.
        if (line.Has("user"))
        {
            throw new UvError("pip's `--user` is unsupported (use a virtual environment instead)");
        }
        var operands = line.PipOperands.ToList();
        if (line.Has("r", "requirements", "requirement", "e", "editable", "group"))
        {
            throw new UvError("the fake uv installs only local wheel files named as arguments (no -r, -e or --group)");
        }
        if (operands.Count == 0)
        {
            throw new UvError("the following required arguments were not provided:\n  <PACKAGE|--requirements <REQUIREMENTS>|--editable <EDITABLE>|--group <GROUP>>");
        }
        if (operands.FirstOrDefault(o => !WheelFileName.IsWheelPath(o)) is { } notAWheel)
        {
            throw new UvError($"the fake uv installs only local wheel files; cannot install `{notAWheel}`");
        }

        var output = new UvOutput(line.Quiet);
        var target = InstallTarget.Resolve(line, fallBackToPath: false);
        target.Report(output.Stderr);
        target.RefuseIfExternallyManaged(line);

        var wheels = operands.Select(WheelFileName.Parse).ToList();
        foreach (var wheel in wheels.Where(w => !File.Exists(w.Path)))
        {
            throw new UvError($"Distribution not found at: file://{wheel.Path}");
        }

        var reinstall = line.Has("reinstall", "force-reinstall");
        var dryRun = line.Has("dry-run");
        var clock = Stopwatch.StartNew();
        var removed = new List<string>();
        var installed = new List<string>();
        foreach (var wheel in wheels)
        {
            var existing = InstalledDistribution.Find(target.Scheme.SitePackages, wheel.Name);
            if (existing is not null && existing.Version == wheel.Version && !reinstall)
            {
                continue;
            }
            if (!dryRun)
            {
                existing?.Remove();
                WheelInstaller.Install(wheel, target.Scheme, target.Python.Executable);
            }
            if (existing is not null)
            {
                removed.Add(existing.Display);
            }
            installed.Add(wheel.Display);
        }

        if (installed.Count == 0)
        {
            output.Stderr.WriteLine($"Audited {UvOutput.Packages(wheels.Count)} in {UvOutput.Elapsed(clock.Elapsed)}");
            return 0;
        }
        output.Stderr.WriteLine(dryRun
            ? $"Would install {UvOutput.Packages(installed.Count)}"
            : $"Installed {UvOutput.Packages(installed.Count)} in {UvOutput.Elapsed(clock.Elapsed)}");
        foreach (var change in removed.Select(r => (Name: r, Line: " - " + r)).Concat(installed.Select(i => (Name: i, Line: " + " + i)))
                     .OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            output.Stderr.WriteLine(change.Line);
        }
        return 0;
    }
}
