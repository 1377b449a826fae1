using System.Text.Json.Serialization;

namespace UvShim.FakeUv.Grammar;

/// <summary>Source-generated reader for one command of the grammar file (no reflection, like <see cref="FakeUvJsonContext"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(GrammarCommand))]
internal sealed partial class GrammarJsonContext : JsonSerializerContext;
