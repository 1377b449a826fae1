namespace UvShim.Tests.Integration;

/// <summary>The <c>Error</c> text of a PEP 668 marker, line by line, as configparser reads it (continuation lines stripped).</summary>
internal static class ExternallyManagedText
{
    public static IReadOnlyList<string> ErrorLines(string markerPath)
    {
        var lines = new List<string>();
        var inSection = false;
        var inError = false;
        foreach (var raw in File.ReadLines(markerPath))
        {
            if (inError)
            {
                if (raw.Length > 0 && !char.IsWhiteSpace(raw[0]))
                {
                    break;
                }
                lines.Add(raw.Trim());
                continue;
            }
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inSection = line == "[externally-managed]";
            }
            else if (inSection && line.Split('=', 2) is [var key, var value] && key.Trim() == "Error")
            {
                lines.Add(value.Trim());
                inError = true;
            }
        }
        return lines.Where(l => l.Length > 0).ToList();
    }
}
