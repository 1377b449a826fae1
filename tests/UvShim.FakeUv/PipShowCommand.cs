namespace UvShim.FakeUv;

/// <summary>
/// <c>uv pip show &lt;name&gt;…</c> as uv's <c>pip_show</c>: names normalized, sorted and deduplicated; a missing one
/// gives <c>warning: Package(s) not found for: a, b</c> (exit 1 when none is found; with no name at all
/// <c>warning: Please provide a package name or names.</c>, exit 1). Per package, separated by <c>---</c>:
/// <c>Name</c>, <c>Version</c>, <c>Location</c> (the site directory), <c>Editable project location</c> for an
/// editable, then <c>Requires</c> and <c>Required-by</c> (comma-separated, sorted; the key alone when empty;
/// both omitted when METADATA cannot be read) and, with <c>-f/--files</c>, <c>Files:</c> and each RECORD path indented.
/// </summary>
internal static class PipShowCommand
{
    public static int Run(UvCommandLine line, PipConfig config)
    {
        var output = new UvOutput(line.Quiet);
        var names = line.PipOperands.Select(PackageName.Normalize).Distinct().Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            output.Stderr.WriteLine("warning: Please provide a package name or names.");
            return 1;
        }
        var target = InstallTarget.Resolve(PipSettings.Resolve(line, config), EnvironmentPreference.Any);
        target.ReportEnvironment(output.Stderr);
        var installed = InstalledDistribution.Scan(target.Scheme.SitePackages).ToList();

        var missing = names.Where(n => installed.All(d => d.Name != n)).ToList();
        if (missing.Count > 0)
        {
            output.Stderr.WriteLine($"warning: Package(s) not found for: {string.Join(", ", missing)}");
        }
        var shown = names.SelectMany(n => installed.Where(d => d.Name == n)).ToList();
        if (shown.Count == 0)
        {
            return 1;
        }

        var requires = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var distribution in shown)
        {
            if (distribution.RequiresDist() is { } dependencies)
            {
                requires[distribution.Name] = dependencies.Distinct().Order(StringComparer.Ordinal).ToList();
            }
        }
        if (requires.Count > 0)
        {
            foreach (var other in installed.Where(d => !requires.ContainsKey(d.Name)))
            {
                if (other.RequiresDist() is { Count: > 0 } otherDependencies)
                {
                    requires[other.Name] = otherDependencies;
                }
            }
        }

        var stdout = output.Stderr == TextWriter.Null ? TextWriter.Null : Console.Out;
        for (var i = 0; i < shown.Count; i++)
        {
            var distribution = shown[i];
            if (i > 0)
            {
                stdout.WriteLine("---");
            }
            stdout.WriteLine($"Name: {distribution.Name}");
            stdout.WriteLine($"Version: {distribution.Version}");
            stdout.WriteLine($"Location: {distribution.SiteDirectory}");
            if (distribution.EditableProjectLocation is { } location)
            {
                stdout.WriteLine($"Editable project location: {location}");
            }
            if (requires.TryGetValue(distribution.Name, out var required))
            {
                stdout.WriteLine(required.Count == 0 ? "Requires:" : $"Requires: {string.Join(", ", required)}");
                var requiredBy = requires
                    .Where(r => r.Key != distribution.Name && r.Value.Contains(distribution.Name))
                    .Select(r => r.Key)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                stdout.WriteLine(requiredBy.Count == 0 ? "Required-by:" : $"Required-by: {string.Join(", ", requiredBy)}");
            }
            if (line.Has("f", "files"))
            {
                stdout.WriteLine("Files:");
                foreach (var path in RecordFile.ReadPaths(Path.Combine(distribution.DistInfo, "RECORD")))
                {
                    stdout.WriteLine($"  {path}");
                }
            }
        }
        return 0;
    }
}
