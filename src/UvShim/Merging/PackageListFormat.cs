using System.Text;

namespace UvShim.Merging;

/// <summary>uv's <c>pip list</c> output formats (crates/uv/src/commands/pip/list.rs), for a merged list.</summary>
internal static class PackageListFormat
{
    public static string Render(IReadOnlyList<InstalledPackage> packages, string format, bool outdated) =>
        format switch
        {
            "json" => PackageListJson.Write(packages) + "\n",
            "freeze" => string.Concat(packages.Select(p => $"{p.Name}=={p.Version}\n")),
            _ => Columns(packages, outdated),
        };

    private static string Columns(IReadOnlyList<InstalledPackage> packages, bool outdated)
    {
        if (packages.Count == 0)
            return "";
        var columns = new List<(string Header, List<string> Rows)>
        {
            ("Package", packages.Select(p => p.Name).ToList()),
            ("Version", packages.Select(p => p.Version).ToList()),
        };
        if (outdated)
        {
            columns.Add(("Latest", packages.Select(p => p.LatestVersion ?? "").ToList()));
            columns.Add(("Type", packages.Select(p => p.LatestFiletype ?? "").ToList()));
        }
        if (packages.Any(p => p.EditableProjectLocation is not null))
            columns.Add(("Editable project location", packages.Select(p => p.EditableProjectLocation ?? "").ToList()));

        var widths = columns.Select(c => Math.Max(c.Header.Length, c.Rows.Max(r => r.Length))).ToList();
        var text = new StringBuilder();
        void Line(Func<int, string> cell) =>
            text.Append(string.Join(' ', columns.Select((_, i) => cell(i).PadRight(widths[i]))).TrimEnd()).Append('\n');

        Line(i => columns[i].Header);
        Line(i => new string('-', widths[i]));
        for (var row = 0; row < packages.Count; row++)
            Line(i => columns[i].Rows[row]);
        return text.ToString();
    }
}
