using System.Globalization;
using System.Text;
using System.Text.Json;

namespace UvShim.FakeUv;

/// <summary>
/// <c>uv pip list</c> / <c>uv pip ls</c> as uv's <c>pip_list</c>: the distributions of the environment (under
/// <c>--prefix</c> only its purelib, under <c>--target</c> only that directory), filtered by <c>-e/--editable</c>,
/// <c>--exclude-editable</c> and <c>--exclude</c>, sorted by name then version, in one of three formats:
/// <c>columns</c> (a header, a row of dashes, one row per package; columns as wide as their widest cell, joined by a
/// space, trailing spaces trimmed; an "Editable project location" column when an editable install has one; nothing
/// at all when empty), <c>json</c> (<c>[{"name":…,"version":…[,"editable_project_location":…]}]</c> on one line)
/// or <c>freeze</c> (<c>name==version</c>). <c>--outdated</c> needs an index, which the fake does not have.
/// </summary>
internal static class PipListCommand
{
    public static int Run(UvCommandLine line, PipConfig config)
    {
        var format = line.Value("format") ?? "columns";
        var outdated = line.FlagPair("outdated", "no-outdated") == true;
        if (outdated && format == "freeze")
        {
            throw new UvError("`--outdated` cannot be used with `--format freeze`");
        }
        if (outdated)
        {
            throw new UvError("the fake uv has no package index, so it cannot list outdated packages");
        }
        bool? editable = line.Has("e", "editable") ? true : line.Has("exclude-editable") ? false : null;

        var target = InstallTarget.Resolve(PipSettings.Resolve(line, config), EnvironmentPreference.Any);
        target.ReportEnvironment(new UvOutput(line.Quiet).Stderr);

        var excluded = line.Values("exclude", "excludes").Select(PackageName.Normalize).ToHashSet(StringComparer.Ordinal);
        var results = InstalledDistribution.Scan(target.Scheme.SitePackages)
            .Where(d => editable is null || d.IsEditable == editable)
            .Where(d => !excluded.Contains(d.Name))
            .ToList();
        results.Sort(InstalledDistribution.CompareByNameThenVersion);

        var stdout = Console.Out;
        switch (format)
        {
            case "json":
                stdout.WriteLine(JsonSerializer.Serialize(
                    results.Select(d => new ListEntry(d.Name, d.Version, d.EditableProjectLocation)).ToList(),
                    FakeUvJsonContext.AsSerdeWrites.ListListEntry));
                break;
            case "columns" when results.Count > 0:
                var columns = new List<(string Header, List<string> Rows)>
                {
                    ("Package", results.Select(d => d.Name).ToList()),
                    ("Version", results.Select(d => d.Version).ToList()),
                };
                if (results.Any(d => d.EditableProjectLocation is not null))
                {
                    columns.Add(("Editable project location", results.Select(d => d.EditableProjectLocation ?? "").ToList()));
                }
                foreach (var row in Table(columns))
                {
                    stdout.WriteLine(row);
                }
                break;
            case "freeze":
                foreach (var d in results)
                {
                    stdout.WriteLine($"{d.Name}=={d.Version}");
                }
                break;
        }
        return 0;
    }

    /// <summary>uv's <c>Column::fmt</c> zipped: header, dashes, rows; each cell padded to the column width, joined by a space, trimmed at the end.</summary>
    private static IEnumerable<string> Table(List<(string Header, List<string> Rows)> columns)
    {
        var widths = columns.Select(c => Math.Max(Width(c.Header), c.Rows.Count == 0 ? 0 : c.Rows.Max(Width))).ToList();
        var lines = new List<List<string>>
        {
            columns.Select((c, i) => Pad(c.Header, widths[i])).ToList(),
            widths.Select(w => new string('-', w)).ToList(),
        };
        for (var r = 0; r < columns[0].Rows.Count; r++)
        {
            lines.Add(columns.Select((c, i) => Pad(c.Rows[r], widths[i])).ToList());
        }
        return lines.Select(cells => string.Join(' ', cells).TrimEnd());
    }

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Width(text)));

    /// <summary>Display width; the fake's names and versions are ASCII, so text elements are enough.</summary>
    private static int Width(string text) => new StringInfo(text).LengthInTextElements;
}

/// <summary>
/// <c>uv pip freeze</c> as uv's <c>pip_freeze</c>: the environment (or each <c>--path</c> directory, invalid ones
/// dropped), without <c>--exclude</c>d names and, with <c>--exclude-editable</c>, without editables; sorted by name
/// then version; <c>name==version</c>, <c>name @ url</c> for a direct-URL install, <c>-e url</c> for an editable;
/// repeated lines once.
/// </summary>
internal static class PipFreezeCommand
{
    public static int Run(UvCommandLine line, PipConfig config)
    {
        var target = InstallTarget.Resolve(PipSettings.Resolve(line, config), EnvironmentPreference.Any);
        target.ReportEnvironment(new UvOutput(line.Quiet).Stderr);

        var paths = line.Values("path").Select(Path.GetFullPath).ToList();
        var sites = paths.Count > 0 ? paths.Where(Directory.Exists).ToList() : target.Scheme.SitePackages.ToList();
        var excluded = line.Values("exclude", "excludes").Select(PackageName.Normalize).ToHashSet(StringComparer.Ordinal);
        var excludeEditable = line.Has("exclude-editable");
        var results = InstalledDistribution.Scan(sites)
            .Where(d => !(excludeEditable && d.IsEditable))
            .Where(d => !excluded.Contains(d.Name))
            .ToList();
        results.Sort(InstalledDistribution.CompareByNameThenVersion);
        string? previous = null;
        var text = new StringBuilder();
        foreach (var freezeLine in results.Select(d => d.FreezeLine))
        {
            if (freezeLine != previous)
            {
                text.Append(freezeLine).Append('\n');
            }
            previous = freezeLine;
        }
        Console.Out.Write(text.ToString());
        return 0;
    }
}
