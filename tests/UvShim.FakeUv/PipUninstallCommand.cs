using System.Diagnostics;

namespace UvShim.FakeUv;

/// <summary>
/// <c>uv pip uninstall &lt;name&gt;… [-r file]…</c> as uv's <c>pip_uninstall</c>: requirements reduced to names
/// (PEP 503-normalized, specifiers ignored) and URLs; the environment must be a venv unless <c>--system</c> or a
/// <c>--python</c> path is given; <c>--target</c>/<c>--prefix</c> scan only that directory; each installed
/// distribution's RECORD entries inside the scheme are removed.
/// </summary>
internal static class PipUninstallCommand
{
    public static int Run(UvCommandLine line, PipConfig config)
    {
        var cwd = Directory.GetCurrentDirectory();
        var requirements = line.PipOperands.Select(o => Requirement.Parse(o, cwd)).ToList();
        foreach (var file in line.Values("r", "requirements", "requirement"))
        {
            requirements.AddRange(RequirementsFile.Read(file));
        }
        if (requirements.Count == 0 && !line.Has("r", "requirements", "requirement"))
        {
            throw new UvError("the following required arguments were not provided:\n  <PACKAGE|--requirements <REQUIREMENTS>>");
        }

        var clock = Stopwatch.StartNew();
        var output = new UvOutput(line.Quiet);
        var dryRun = line.Has("dry-run");
        var settings = PipSettings.Resolve(line, config);
        var target = InstallTarget.Resolve(settings, EnvironmentPreference.ExplicitSystem);
        target.ReportEnvironment(output.Stderr);
        target.RefuseIfExternallyManaged("Consider creating a virtual environment with `uv venv`.");

        var installed = InstalledDistribution.Scan(target.Scheme.SitePackages).ToList();
        var names = requirements.Where(r => r.Name is not null).Select(r => r.Name!).Distinct().Order(StringComparer.Ordinal).ToList();
        var urls = requirements.Where(r => r.Name is null && r.Url is not null).Select(r => r.Url!).Distinct().Order(StringComparer.Ordinal).ToList();
        var distributions = new List<InstalledDistribution>();
        foreach (var name in names)
        {
            var found = installed.Where(d => d.Name == name).ToList();
            if (found.Count == 0 && !dryRun)
            {
                output.Stderr.WriteLine($"warning: Skipping {name} as it is not installed");
            }
            distributions.AddRange(found);
        }
        foreach (var url in urls)
        {
            var found = installed.Where(d => d.Url?.Url == url).ToList();
            if (found.Count == 0 && !dryRun)
            {
                output.Stderr.WriteLine($"warning: Skipping {url} as it is not installed");
            }
            distributions.AddRange(found);
        }
        distributions = distributions.DistinctBy(d => d.DistInfo).OrderBy(d => d.DistInfo, StringComparer.Ordinal).ToList();

        if (distributions.Count == 0)
        {
            output.Stderr.WriteLine(dryRun ? "Would make no changes" : "warning: No packages to uninstall");
            return 0;
        }
        if (!dryRun)
        {
            foreach (var distribution in distributions)
            {
                try
                {
                    distribution.Remove(target.Scheme);
                }
                catch (FileSystemError e)
                {
                    throw new UvError(e.Message);
                }
            }
        }
        output.Stderr.WriteLine(dryRun
            ? $"Would uninstall {UvOutput.Packages(distributions.Count)}"
            : $"Uninstalled {UvOutput.Packages(distributions.Count)} in {UvOutput.Elapsed(clock.Elapsed)}");
        foreach (var distribution in distributions)
        {
            output.Stderr.WriteLine($" - {distribution.Display}");
        }
        return 0;
    }
}
