using System.Text.Json;

namespace UvShim.FakeUv.Grammar;

/// <summary>The grammar of the uv the fake stands for, embedded in the fake (<c>Grammar/uv-&lt;version&gt;.json</c>).</summary>
internal static class UvGrammar
{
    public const int FormatVersion = 1;

    private const string ResourceName = "uv-grammar.json";

    private static readonly Lazy<GrammarDocument> Embedded = new(LoadEmbedded);
    private static readonly Lazy<ClapCommand> EmbeddedRoot = new(() => ClapCommand.Build(Embedded.Value.Root));

    public static GrammarDocument Document => Embedded.Value;

    /// <summary>The built <c>uv</c> command of the embedded grammar.</summary>
    public static ClapCommand Root => EmbeddedRoot.Value;

    public static GrammarDocument Read(Stream json)
    {
        var document = JsonSerializer.Deserialize(json, GrammarJsonContext.Default.GrammarDocument)
            ?? throw new InvalidDataException("grammar: the file is `null`");
        if (document.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"grammar: formatVersion {document.FormatVersion}, the fake reads {FormatVersion}");
        }
        return document;
    }

    private static GrammarDocument LoadEmbedded()
    {
        using var stream = typeof(UvGrammar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"fake-uv: no embedded {ResourceName} (tests/UvShim.FakeUv/Grammar/uv-*.json)");
        return Read(stream);
    }
}
