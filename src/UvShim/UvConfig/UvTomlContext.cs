using Tomlyn.Model;
using Tomlyn.Serialization;

namespace UvShim.UvConfig;

/// <summary>Source-generated metadata for the untyped <see cref="TomlTable"/> model: no reflection, NativeAOT-clean.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class UvTomlContext : TomlSerializerContext;
