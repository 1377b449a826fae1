using System.Text.Json.Serialization;

namespace UvShim.FakeUv.Grammar;

/// <summary>Source-generated reader for the grammar file (no reflection, like <see cref="FakeUvJsonContext"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(GrammarDocument))]
internal sealed partial class GrammarJsonContext : JsonSerializerContext;
