using System.Text;
using System.Text.RegularExpressions;

namespace UvShim.FakeUv.Project;

/// <summary>
/// Edits a <c>uv.lock</c> in the canonical layout uv writes (crates/uv-resolver/src/lock/serialize.rs): a header, then
/// one <c>[[package]]</c> block per package, sorted by name, separated by blank lines. Inside a block the keys come in
/// the order <c>name</c>, <c>version</c>, <c>source</c>, <c>resolution-markers</c>, <c>dependencies</c>, <c>sdist</c>,
/// <c>wheels</c>, then the <c>[package.optional-dependencies]</c>, <c>[package.dev-dependencies]</c>,
/// <c>[package.metadata]</c> (<c>requires-dist</c>) and <c>[package.metadata.requires-dev]</c> tables. Dependency arrays
/// are written one entry a line; <c>requires-dist</c> on one line when it has one entry, else one a line. Entries are
/// kept as the text they have (inline tables) and sorted by package name.
/// </summary>
internal sealed partial class LockEditor
{
    private readonly string _header;
    private readonly List<List<string>> _blocks;

    private LockEditor(string header, List<List<string>> blocks)
    {
        _header = header;
        _blocks = blocks;
    }

    public static LockEditor Read(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        var header = new List<string>();
        var blocks = new List<List<string>>();
        foreach (var line in lines)
        {
            if (line == "[[package]]" || line == "[[distribution]]")
            {
                blocks.Add([line]);
            }
            else if (blocks.Count == 0)
            {
                header.Add(line);
            }
            else
            {
                blocks[^1].Add(line);
            }
        }
        foreach (var block in blocks)
        {
            while (block.Count > 1 && block[^1].Length == 0)
            {
                block.RemoveAt(block.Count - 1);
            }
        }
        return new LockEditor(string.Join('\n', header).TrimEnd('\n'), blocks);
    }

    public int PackageCount => _blocks.Count;

    public bool Contains(string name) => Find(name) is not null;

    public void Write(string path)
    {
        var text = new StringBuilder(_header).Append("\n\n");
        text.Append(string.Join("\n\n", _blocks.Select(b => string.Join('\n', b))));
        text.Append('\n');
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Adds a package block (name order) unless one of that name exists.</summary>
    public void AddPackage(string name, IReadOnlyList<string> lines)
    {
        if (Contains(name))
        {
            return;
        }
        var at = _blocks.FindIndex(b => string.CompareOrdinal(NameOf(b), name) > 0);
        _blocks.Insert(at < 0 ? _blocks.Count : at, ["[[package]]", .. lines]);
    }

    public void RemovePackage(string name)
    {
        if (Find(name) is { } block)
        {
            _blocks.Remove(block);
        }
    }

    /// <summary>Adds (or with <paramref name="entry"/> null, removes) <paramref name="name"/>'s entry in <c>dependencies</c>.</summary>
    public void SetDependency(string package, string name, string? entry)
    {
        var block = Find(package) ?? throw new UvError($"Could not find root package `{package}`");
        var tableEnd = block.FindIndex(1, l => l.StartsWith('[')) is var t and >= 0 ? t : block.Count;
        var (start, end, entries) = ReadArray(block, "dependencies", 1, tableEnd);
        entries.RemoveAll(e => EntryName(e) == name);
        if (entry is not null)
        {
            entries.Add(entry);
        }
        entries = entries.OrderBy(EntryName, StringComparer.Ordinal).ToList();
        var rendered = entries.Count == 0 ? [] : Multiline("dependencies", entries);
        if (start < 0)
        {
            var at = block.FindIndex(1, l => l.StartsWith("sdist =", StringComparison.Ordinal) || l.StartsWith("wheels =", StringComparison.Ordinal) || l.StartsWith('['));
            block.InsertRange(at < 0 ? block.Count : TrimBlank(block, at), rendered);
        }
        else
        {
            block.RemoveRange(start, end - start);
            block.InsertRange(start, rendered);
        }
    }

    /// <summary>Adds (or with <paramref name="entry"/> null, removes) <paramref name="name"/>'s entry in <c>[package.metadata] requires-dist</c>.</summary>
    public void SetRequiresDist(string package, string name, string? entry)
    {
        var block = Find(package) ?? throw new UvError($"Could not find root package `{package}`");
        var table = block.IndexOf("[package.metadata]");
        if (table < 0)
        {
            if (entry is null)
            {
                return;
            }
            var requiresDev = block.IndexOf("[package.metadata.requires-dev]");
            var at = requiresDev < 0 ? block.Count : requiresDev;
            block.InsertRange(at, ["", "[package.metadata]", .. Render("requires-dist", [entry])]);
            return;
        }
        var tableEnd = block.FindIndex(table + 1, l => l.StartsWith('[')) is var t and >= 0 ? t : block.Count;
        var (start, end, entries) = ReadArray(block, "requires-dist", table + 1, tableEnd);
        entries.RemoveAll(e => EntryName(e) == name);
        if (entry is not null)
        {
            entries.Add(entry);
        }
        entries = entries.OrderBy(EntryName, StringComparer.Ordinal).ToList();
        var rendered = entries.Count == 0 ? [] : Render("requires-dist", entries);
        if (start < 0)
        {
            block.InsertRange(table + 1, rendered);
        }
        else
        {
            block.RemoveRange(start, end - start);
            block.InsertRange(start, rendered);
        }
        tableEnd = block.FindIndex(table + 1, l => l.StartsWith('[')) is var u and >= 0 ? u : block.Count;
        if (block.Skip(table + 1).Take(tableEnd - table - 1).All(l => l.Length == 0) && !block.Contains("[package.metadata.requires-dev]"))
        {
            var from = table > 0 && block[table - 1].Length == 0 ? table - 1 : table;
            block.RemoveRange(from, tableEnd - from);
        }
    }

    private static IReadOnlyList<string> Render(string key, IReadOnlyList<string> entries) =>
        entries.Count <= 1 ? [$"{key} = [{string.Join(", ", entries)}]"] : Multiline(key, entries);

    private static List<string> Multiline(string key, IReadOnlyList<string> entries) =>
        [$"{key} = [", .. entries.Select(e => $"    {e},"), "]"];

    private static int TrimBlank(List<string> block, int at)
    {
        while (at > 1 && block[at - 1].Length == 0)
        {
            at--;
        }
        return at;
    }

    /// <summary>The lines an array occupies (start, end exclusive; -1 when absent) and its inline-table entries.</summary>
    private static (int Start, int End, List<string> Entries) ReadArray(List<string> block, string key, int from, int to)
    {
        var start = block.FindIndex(from, to - from, l => l.StartsWith(key + " = [", StringComparison.Ordinal));
        if (start < 0)
        {
            return (-1, -1, []);
        }
        var end = start;
        var text = new StringBuilder();
        var depth = 0;
        do
        {
            text.Append(block[end]).Append('\n');
            depth += block[end].Count(c => c == '[') - block[end].Count(c => c == ']');
            end++;
        }
        while (depth > 0 && end < block.Count);
        var body = text.ToString();
        body = body[(body.IndexOf('[') + 1)..body.LastIndexOf(']')];
        return (start, end, InlineTables(body));
    }

    /// <summary>The top-level <c>{ … }</c> items of an array body, as written.</summary>
    private static List<string> InlineTables(string body)
    {
        var items = new List<string>();
        var depth = 0;
        var start = -1;
        var inString = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '"' && (i == 0 || body[i - 1] != '\\'))
            {
                inString = !inString;
            }
            if (inString)
            {
                continue;
            }
            if (c == '{' && depth++ == 0)
            {
                start = i;
            }
            else if (c == '}' && --depth == 0)
            {
                items.Add(body[start..(i + 1)]);
            }
        }
        return items;
    }

    private List<string>? Find(string name) => _blocks.FirstOrDefault(b => NameOf(b) == name);

    private static string? NameOf(List<string> block) =>
        block.Skip(1).Select(l => NameLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value is { } name ? PackageName.Normalize(name) : null;

    private static string? EntryName(string entry) =>
        EntryNamePattern().Match(entry) is { Success: true } m ? PackageName.Normalize(m.Groups[1].Value) : null;

    [GeneratedRegex("""^name = "([^"]*)"$""")]
    private static partial Regex NameLine();

    [GeneratedRegex("name = \"([^\"]*)\"")]
    private static partial Regex EntryNamePattern();
}
