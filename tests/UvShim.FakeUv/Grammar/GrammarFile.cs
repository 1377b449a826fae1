using System.Text.Json;

namespace UvShim.FakeUv.Grammar;

/// <summary>
/// uv's grammar file (<c>uv-&lt;version&gt;.json</c>, format in this folder's README.md), read lazily: one pass over the
/// bytes finds every command's name, aliases, visibility and place in the file; a command's args and groups are
/// deserialized only when the parser reaches it. The fake starts for every uv invocation of the tests, and reading
/// all 1.4 MB into objects would cost more than the parse.
/// </summary>
internal sealed class GrammarFile
{
    private GrammarFile(int formatVersion, string uvVersion, string source, GrammarCommandSource root)
    {
        FormatVersion = formatVersion;
        UvVersion = uvVersion;
        Source = source;
        Root = root;
    }

    public int FormatVersion { get; }

    public string UvVersion { get; }

    public string Source { get; }

    public GrammarCommandSource Root { get; }

    public static GrammarFile Read(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "a JSON object");
        int? formatVersion = null;
        string? uvVersion = null, source = null;
        GrammarCommandSource? root = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "formatVersion":
                    formatVersion = reader.GetInt32();
                    break;
                case "uvVersion":
                    uvVersion = reader.GetString();
                    break;
                case "source":
                    source = reader.GetString();
                    break;
                case "root":
                    root = GrammarCommandSource.Scan(ref reader, json);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        Expect(formatVersion is not null && uvVersion is not null && root is not null, "formatVersion, uvVersion and root");
        return new GrammarFile(formatVersion!.Value, uvVersion!, source ?? "", root!);
    }

    internal static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidDataException($"grammar: expected {what}");
        }
    }
}

/// <summary>A command in the grammar file: what the parser needs to find it, and its JSON to read the rest.</summary>
internal sealed class GrammarCommandSource
{
    private readonly ReadOnlyMemory<byte> _json;

    private GrammarCommandSource(string name, List<string> aliases, bool hidden, ReadOnlyMemory<byte> json, List<GrammarCommandSource> subcommands)
    {
        Name = name;
        Aliases = aliases;
        Hidden = hidden;
        _json = json;
        Subcommands = subcommands;
    }

    public string Name { get; }

    public IReadOnlyList<string> Aliases { get; }

    public bool Hidden { get; }

    public IReadOnlyList<GrammarCommandSource> Subcommands { get; }

    /// <summary>The command's own settings, args and groups (its subcommands stay in <see cref="Subcommands"/>).</summary>
    public GrammarCommand Load() =>
        JsonSerializer.Deserialize(_json.Span, GrammarJsonContext.Default.GrammarCommand)
        ?? throw new InvalidDataException($"grammar: command `{Name}` is null");

    // The reader is on the command's StartObject; it ends on its EndObject.
    internal static GrammarCommandSource Scan(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        GrammarFile.Expect(reader.TokenType == JsonTokenType.StartObject, "a command object");
        var start = (int)reader.TokenStartIndex;
        string? name = null;
        var aliases = new List<string>();
        var hidden = false;
        var subcommands = new List<GrammarCommandSource>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "name":
                    name = reader.GetString();
                    break;
                case "aliases" when reader.TokenType == JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        aliases.Add(reader.GetString()!);
                    }
                    break;
                case "hidden" when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                    hidden = reader.GetBoolean();
                    break;
                case "subcommands" when reader.TokenType == JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        subcommands.Add(Scan(ref reader, json));
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        GrammarFile.Expect(reader.TokenType == JsonTokenType.EndObject && name is not null, "a command with a name");
        var end = (int)reader.BytesConsumed;
        return new GrammarCommandSource(name!, aliases, hidden, json[start..end], subcommands);
    }
}
