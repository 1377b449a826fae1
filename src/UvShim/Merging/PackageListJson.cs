using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace UvShim.Merging;

/// <summary>Reads and writes uv's list JSON by hand (no reflection), field order as uv's serde emits it.</summary>
internal static class PackageListJson
{
    public static List<InstalledPackage> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = new List<InstalledPackage>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            string? Optional(string name) =>
                entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            result.Add(new InstalledPackage(
                Optional("name") ?? "",
                Optional("version") ?? "",
                Optional("latest_version"),
                Optional("latest_filetype"),
                Optional("editable_project_location")));
        }
        return result;
    }

    public static string Write(IEnumerable<InstalledPackage> packages)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var package in packages)
            {
                writer.WriteStartObject();
                writer.WriteString("name", package.Name);
                writer.WriteString("version", package.Version);
                if (package.LatestVersion is not null)
                    writer.WriteString("latest_version", package.LatestVersion);
                if (package.LatestFiletype is not null)
                    writer.WriteString("latest_filetype", package.LatestFiletype);
                if (package.EditableProjectLocation is not null)
                    writer.WriteString("editable_project_location", package.EditableProjectLocation);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
