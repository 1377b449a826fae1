namespace UvShim.FakeUv.Grammar;

/// <summary>The grammar of the uv the fake stands for, embedded in the fake (<c>Grammar/uv-&lt;version&gt;.json</c>).</summary>
internal static class UvGrammar
{
    public const int FormatVersion = 1;

    private const string ResourceName = "uv-grammar.json";

    private static readonly Lazy<GrammarFile> Embedded = new(LoadEmbedded);
    private static readonly Lazy<ClapCommand> EmbeddedRoot = new(() => ClapCommand.Build(Embedded.Value.Root));

    public static GrammarFile File => Embedded.Value;

    /// <summary>The built <c>uv</c> command of the embedded grammar (its subcommands are built when reached).</summary>
    public static ClapCommand Root => EmbeddedRoot.Value;

    public static GrammarFile Read(ReadOnlyMemory<byte> json)
    {
        var file = GrammarFile.Read(json);
        if (file.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"grammar: formatVersion {file.FormatVersion}, the fake reads {FormatVersion}");
        }
        return file;
    }

    private static GrammarFile LoadEmbedded()
    {
        using var stream = typeof(UvGrammar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"fake-uv: no embedded {ResourceName} (tests/UvShim.FakeUv/Grammar/uv-*.json)");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Read(bytes);
    }
}
