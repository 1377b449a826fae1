using System.Diagnostics;

namespace UvShim.FakeUv;

/// <summary><c>uv pip uninstall &lt;name&gt;…</c> over the target, prefix or interpreter site directory.</summary>
internal static class PipUninstallCommand
{
    public static int Run(UvCommandLine line)
    {
        if (line.Has("user"))
        {
            throw UvOutput.UnexpectedArgument("--user");
        }
        var names = line.PipOperands.ToList();
        foreach (var file in line.Values("r", "requirements", "requirement"))
        {
            names.AddRange(File.ReadAllLines(file).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0));
        }
        if (names.Count == 0)
        {
            throw new UvError("the following required arguments were not provided:\n  <PACKAGE|--requirements <REQUIREMENTS>>");
        }

        var output = new UvOutput(line.Quiet);
        var target = InstallTarget.Resolve(line, fallBackToPath: false);
        target.Report(output.Stderr);
        target.RefuseIfExternallyManaged(line, "\n\nConsider creating a virtual environment with `uv venv`.");

        var clock = Stopwatch.StartNew();
        var removed = new List<string>();
        foreach (var name in names)
        {
            var distribution = InstalledDistribution.Find(target.Scheme.SitePackages, name);
            if (distribution is null)
            {
                output.Stderr.WriteLine($"warning: Skipping {name} as it is not installed");
                continue;
            }
            try
            {
                distribution.Remove();
            }
            catch (FileSystemError e)
            {
                throw new UvError($"Failed to uninstall: {distribution.Display}", [e.Message]);
            }
            removed.Add(distribution.Display);
        }

        if (removed.Count == 0)
        {
            output.Stderr.WriteLine("warning: No packages to uninstall");
            return 0;
        }
        output.Stderr.WriteLine($"Uninstalled {UvOutput.Packages(removed.Count)} in {UvOutput.Elapsed(clock.Elapsed)}");
        foreach (var display in removed.Order(StringComparer.Ordinal))
        {
            output.Stderr.WriteLine(" - " + display);
        }
        return 0;
    }
}
