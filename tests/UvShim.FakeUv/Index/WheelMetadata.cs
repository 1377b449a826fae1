using System.IO.Compression;

namespace UvShim.FakeUv.Index;

/// <summary>The <c>Requires-Dist</c> lines of a wheel's <c>METADATA</c>, read from the archive.</summary>
internal static class WheelMetadata
{
    public static IReadOnlyList<NamedRequirement> RequiresDist(string wheelPath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(wheelPath);
            var entry = zip.Entries.FirstOrDefault(e =>
                e.FullName.Count(c => c == '/') == 1 && e.FullName.EndsWith(".dist-info/METADATA", StringComparison.Ordinal));
            if (entry is null)
            {
                return [];
            }
            using var reader = new StreamReader(entry.Open());
            var requirements = new List<NamedRequirement>();
            while (reader.ReadLine() is { } line && line.Length > 0)
            {
                if (line.StartsWith("Requires-Dist:", StringComparison.OrdinalIgnoreCase)
                    && NamedRequirement.TryParse(line["Requires-Dist:".Length..]) is { } requirement)
                {
                    requirements.Add(requirement);
                }
            }
            return requirements;
        }
        catch (InvalidDataException e)
        {
            throw new UvError($"Failed to read `{Path.GetFileName(wheelPath)}`", [e.Message]);
        }
    }
}
