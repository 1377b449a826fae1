using System.Diagnostics;
using System.Security.Cryptography;

namespace UvShim.FakeUv;

/// <summary>A local wheel to install, where uv would say it came from, and the hashes the requirement demands.
/// <paramref name="FromRegistry"/>: found through an index or <c>--find-links</c>, so installed as uv installs a registry
/// distribution (no <c>direct_url.json</c>, <c>name==version</c> in the change log).</summary>
internal sealed record LocalWheel(WheelFileName Wheel, string Url, IReadOnlyList<string> Hashes, string RequirementDisplay, bool FromRegistry = false)
{
    /// <summary>A requirement that names a local wheel (a path, a <c>file://</c> URL, or <c>name @ file://…</c>).</summary>
    public static LocalWheel FromRequirement(Requirement requirement)
    {
        if (requirement.Editable)
        {
            throw new UvError($"the fake uv installs only local wheel files; cannot install editable `{requirement.Text}`");
        }
        var path = requirement.LocalPath;
        if (path is null || !WheelFileName.IsWheelPath(path))
        {
            throw new UvError($"the fake uv installs only local wheel files; cannot install `{requirement.Text}`");
        }
        var wheel = WheelFileName.Parse(path);
        if (requirement.Name is { } name && name != PackageName.Normalize(wheel.Name))
        {
            throw new UvError(
                $"Requested package name `{name}` does not match `{PackageName.Normalize(wheel.Name)}` in the distribution filename: {wheel.FileName}");
        }
        var display = $"{PackageName.Normalize(wheel.Name)} @ {requirement.Url}";
        return new LocalWheel(wheel, requirement.Url!, requirement.Hashes, display);
    }

    public string Name => PackageName.Normalize(Wheel.Name);

    /// <summary>uv's long specifier of the distribution being installed: <c>==1.0 (from file:///…)</c>.</summary>
    public string Specifier => FromRegistry ? $"=={Wheel.Version}" : $"=={Wheel.Version} (from {Url})";
}

/// <summary>
/// uv's plan-and-execute for local wheels (pip install, pip sync, project sync): what is already installed with the
/// same name and version is kept (unless reinstalling); an exact sync removes everything else; then
/// <c>Uninstalled …</c>, <c>Installed …</c> and the sorted change log (<c> - </c>, <c> + </c>, <c> ~ </c>); with
/// <c>summaryOnly</c> only the first two (uv's <c>SummaryInstallLogger</c>, as <c>uv run</c> uses).
/// Hashes given for a requirement are checked first (a mismatch is uv's exit-1 diagnostic).
/// </summary>
internal static class InstallOperation
{
    public static int Run(
        InstallTarget target,
        IReadOnlyList<LocalWheel> wanted,
        UvOutput output,
        bool exact,
        bool reinstall,
        bool dryRun,
        bool reportResolved,
        bool summaryOnly = false)
    {
        var clock = Stopwatch.StartNew();
        foreach (var wheel in wanted.Where(w => !File.Exists(w.Wheel.Path)))
        {
            throw new UvError($"Distribution not found at: {wheel.Url}");
        }
        wanted = wanted.GroupBy(w => w.Name).Select(g => g.Last()).ToList();
        foreach (var wheel in wanted)
        {
            CheckHashes(wheel);
        }
        if (reportResolved)
        {
            output.Stderr.WriteLine($"Resolved {UvOutput.Packages(wanted.Count)} in {UvOutput.Elapsed(clock.Elapsed)}");
        }

        var installed = InstalledDistribution.Scan(target.Scheme.SitePackages).ToList();
        var toInstall = new List<LocalWheel>();
        var toRemove = new List<InstalledDistribution>();
        var changes = new List<(string Name, int Kind, string Line)>();
        foreach (var wheel in wanted)
        {
            var existing = installed.Where(d => d.Name == wheel.Name).ToList();
            if (existing.Count == 1 && existing[0].Version == wheel.Wheel.Version && !reinstall)
            {
                continue;
            }
            toInstall.Add(wheel);
            toRemove.AddRange(existing);
            if (existing.Count == 1 && existing[0].Version == wheel.Wheel.Version)
            {
                changes.Add((wheel.Name, 2, $" ~ {wheel.Name}{wheel.Specifier}"));
                continue;
            }
            changes.AddRange(existing.Select(e => (e.Name, 0, $" - {e.Name}{e.InstalledVersion}")));
            changes.Add((wheel.Name, 1, $" + {wheel.Name}{wheel.Specifier}"));
        }
        if (exact)
        {
            foreach (var extraneous in installed.Where(d => wanted.All(w => w.Name != d.Name)))
            {
                toRemove.Add(extraneous);
                changes.Add((extraneous.Name, 0, $" - {extraneous.Name}{extraneous.InstalledVersion}"));
            }
        }

        if (toInstall.Count == 0 && toRemove.Count == 0)
        {
            if (summaryOnly)
            {
                return 0;
            }
            output.Stderr.WriteLine($"Checked {UvOutput.Packages(wanted.Count)} in {UvOutput.Elapsed(clock.Elapsed)}");
            if (dryRun)
            {
                output.Stderr.WriteLine("Would make no changes");
            }
            return 0;
        }

        if (dryRun)
        {
            if (toRemove.Count > 0)
            {
                output.Stderr.WriteLine($"Would uninstall {UvOutput.Packages(toRemove.Count)}");
            }
            if (toInstall.Count > 0)
            {
                output.Stderr.WriteLine($"Would install {UvOutput.Packages(toInstall.Count)}");
            }
        }
        else
        {
            if (toRemove.Count > 0)
            {
                var removing = Stopwatch.StartNew();
                foreach (var distribution in toRemove)
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
                output.Stderr.WriteLine($"Uninstalled {UvOutput.Packages(toRemove.Count)} in {UvOutput.Elapsed(removing.Elapsed)}");
            }
            if (toInstall.Count > 0)
            {
                var installing = Stopwatch.StartNew();
                foreach (var wheel in toInstall)
                {
                    WheelInstaller.Install(wheel.Wheel, target.Scheme, target.Python.Executable, wheel.FromRegistry ? null : wheel.Url);
                }
                output.Stderr.WriteLine($"Installed {UvOutput.Packages(toInstall.Count)} in {UvOutput.Elapsed(installing.Elapsed)}");
            }
        }
        foreach (var change in changes.Where(_ => !summaryOnly).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Kind).ThenBy(c => c.Line, StringComparer.Ordinal))
        {
            output.Stderr.WriteLine(change.Line);
        }
        return 0;
    }

    private static void CheckHashes(LocalWheel wheel)
    {
        var expected = wheel.Hashes.Where(h => h.StartsWith("sha256:", StringComparison.Ordinal)).ToList();
        if (wheel.Hashes.Count == 0)
        {
            return;
        }
        var computed = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(wheel.Wheel.Path)));
        if (expected.Contains(computed, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }
        throw new UvFailure(
            $"{(wheel.FromRegistry ? "Failed to download" : "Failed to read")} `{wheel.RequirementDisplay}`",
            $"Hash mismatch for `{wheel.RequirementDisplay}`\n\nExpected:\n  {string.Join("\n  ", wheel.Hashes)}\n\nComputed:\n  {computed}");
    }
}
