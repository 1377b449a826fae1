using System.Text.Json;
using System.Text.Json.Serialization;

namespace UvShim.FakeUv;

[JsonSerializable(typeof(List<Dictionary<string, string>>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<ListEntry>))]
internal sealed partial class FakeUvJsonContext : JsonSerializerContext
{
    /// <summary>Like serde_json: only what JSON requires is escaped (no <c>\u002B</c> for <c>+</c>, non-ASCII as is).</summary>
    public static FakeUvJsonContext AsSerdeWrites { get; } =
        new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary>One element of <c>uv pip list --format json</c> (uv's <c>Entry</c>; absent fields are not written).</summary>
internal sealed record ListEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("editable_project_location"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EditableProjectLocation);
