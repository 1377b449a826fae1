using UvShim.Planning;

namespace UvShim.Merging;

/// <summary>One line of <c>uv pip freeze</c> and the package it is about: <c>name==v</c>, <c>name @ url</c>, or an editable's <c>-e url</c>.</summary>
internal sealed record FreezeLine(string Text, string? Name)
{
    /// <summary>The name, or for an editable no installed package claims, its directory's name (the best guess at its place).</summary>
    public string SortKey => Name ?? PackageName.Normalize(Path.GetFileName(Target.TrimEnd('/', '\\')));

    private string Target => Text.StartsWith("-e ", StringComparison.Ordinal) ? Text[3..].Trim() : Text;

    /// <param name="editables">The site's editable targets (<see cref="EditableNames.In"/>), read only if an editable line needs them.</param>
    public static List<FreezeLine> Read(string output, Func<Dictionary<string, string>> editables)
    {
        Dictionary<string, string>? names = null;
        var lines = new List<FreezeLine>();
        foreach (var text in output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            string? name;
            if (text.StartsWith("-e ", StringComparison.Ordinal))
            {
                names ??= editables();
                name = names.GetValueOrDefault(EditableNames.Key(text[3..].Trim()));
            }
            else
            {
                name = PackageName.OfRequirement(text);
            }
            lines.Add(new FreezeLine(text, name));
        }
        return lines;
    }
}
