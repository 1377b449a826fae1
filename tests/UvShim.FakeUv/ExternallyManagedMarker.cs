namespace UvShim.FakeUv;

/// <summary>Reads the <c>Error</c> value of a PEP 668 marker (INI, continuation lines indented).</summary>
internal static class ExternallyManagedMarker
{
    public static string? ErrorText(string path)
    {
        var inSection = false;
        List<string>? value = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            if (value is not null)
            {
                if (raw.Length == 0 || char.IsWhiteSpace(raw[0]))
                {
                    value.Add(raw.Trim());
                    continue;
                }
                break;
            }
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inSection = line == "[externally-managed]";
                continue;
            }
            var separator = line.IndexOfAny(['=', ':']);
            if (inSection && separator > 0 && line[..separator].Trim() == "Error")
            {
                value = [line[(separator + 1)..].Trim()];
            }
        }
        while (value is { Count: > 0 } && value[^1].Length == 0)
        {
            value.RemoveAt(value.Count - 1);
        }
        return value is null ? null : string.Join('\n', value);
    }
}
