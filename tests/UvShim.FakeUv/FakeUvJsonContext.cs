using System.Text.Json.Serialization;

namespace UvShim.FakeUv;

[JsonSerializable(typeof(List<Dictionary<string, string>>))]
internal sealed partial class FakeUvJsonContext : JsonSerializerContext;
