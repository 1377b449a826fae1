using System.Text.Json;

namespace UvShim.FakeUv;

/// <summary><c>uv pip list</c> (columns, <c>--format json|freeze</c>) and <c>uv pip freeze</c> (<c>name==version</c>).</summary>
internal static class PipListCommand
{
    public static int Run(UvCommandLine line, bool freeze)
    {
        if (line.Has("user"))
        {
            throw UvOutput.UnexpectedArgument("--user");
        }
        var target = InstallTarget.Resolve(line, fallBackToPath: true);
        if (!line.Quiet)
        {
            target.Report(Console.Error);
        }
        var paths = line.Values("path").Select(Path.GetFullPath).ToList();
        var sites = freeze && paths.Count > 0 ? paths : target.Scheme.SitePackages;
        var excluded = line.Values("exclude", "excludes").Select(PackageName.Normalize).ToHashSet();
        var distributions = InstalledDistribution.Scan(sites)
            .Where(d => !excluded.Contains(d.NormalizedName))
            .DistinctBy(d => d.NormalizedName)
            .OrderBy(d => d.NormalizedName, StringComparer.Ordinal)
            .ToList();

        var format = freeze ? "freeze" : line.Value("format") ?? "columns";
        switch (format)
        {
            case "freeze":
                foreach (var d in distributions)
                {
                    Console.Out.WriteLine(d.Display);
                }
                break;
            case "json":
                Console.Out.WriteLine(JsonSerializer.Serialize(
                    distributions.Select(d => new Dictionary<string, string> { ["name"] = d.NormalizedName, ["version"] = d.Version }).ToList(),
                    FakeUvJsonContext.Default.ListDictionaryStringString));
                break;
            case "columns":
                WriteColumns(distributions);
                break;
            default:
                throw new UvError($"invalid value '{format}' for '--format <FORMAT>'");
        }
        return 0;
    }

    private static void WriteColumns(IReadOnlyList<InstalledDistribution> distributions)
    {
        if (distributions.Count == 0)
        {
            return;
        }
        var nameWidth = Math.Max("Package".Length, distributions.Max(d => d.NormalizedName.Length));
        var versionWidth = Math.Max("Version".Length, distributions.Max(d => d.Version.Length));
        Console.Out.WriteLine($"{"Package".PadRight(nameWidth)} {"Version".PadRight(versionWidth)}".TrimEnd());
        Console.Out.WriteLine($"{new string('-', nameWidth)} {new string('-', versionWidth)}");
        foreach (var d in distributions)
        {
            Console.Out.WriteLine($"{d.NormalizedName.PadRight(nameWidth)} {d.Version}".TrimEnd());
        }
    }
}
