using System.Text;

namespace UvShim.Decision;

/// <summary>pip's own wording, so a refusal reads as the pip user expects.</summary>
internal static class PipMessages
{
    /// <summary>
    /// pip's <c>ExternallyManagedEnvironment</c> as pip 26 renders it (exceptions.py <c>DiagnosticPipError.__rich_console__</c>
    /// and <c>_prefix_with_indent</c>, printed by utils/logging.py with soft wrap): the marker's text after <c>╰─&gt; </c>, each
    /// further line, blank ones too, after four spaces; rich drops BEL, BS, VT, FF and CR and expands tabs to 8 columns.
    /// An unreadable marker gets pip's warning first.
    /// </summary>
    public static string ExternallyManaged(ExternallyManaged marker) =>
        (marker.Unreadable ? $"WARNING: Failed to read {marker.MarkerPath}\n" : "") + ExternallyManaged(marker.ErrorText);

    /// <inheritdoc cref="ExternallyManaged(Decision.ExternallyManaged)"/>
    public static string ExternallyManaged(string errorText)
    {
        var text = new StringBuilder();
        text.Append("error: externally-managed-environment\n\n");
        text.Append("× This environment is externally managed\n");
        var lines = WithoutControlCodes(errorText).Split('\n');
        for (var i = 0; i < lines.Length; i++)
            text.Append(ExpandTabs((i == 0 ? "╰─> " : "    ") + lines[i])).Append('\n');
        text.Append('\n');
        text.Append("note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. ");
        text.Append("You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\n");
        text.Append("hint: See PEP 668 for the detailed specification.");
        return text.ToString();
    }

    private static string WithoutControlCodes(string text) =>
        string.Concat(text.Where(c => c is not ('\a' or '\b' or '\v' or '\f' or '\r')));

    private static string ExpandTabs(string line)
    {
        if (!line.Contains('\t'))
            return line;
        var expanded = new StringBuilder();
        foreach (var c in line)
        {
            if (c != '\t')
            {
                expanded.Append(c);
                continue;
            }
            do
                expanded.Append(' ');
            while (expanded.Length % 8 != 0);
        }
        return expanded.ToString();
    }

    /// <summary>Ends the note of an install handed over where the user site cannot take it.</summary>
    public const string AsTyped = "uv gets the command as typed.";

    public static string ImplicitSync(string userSite) =>
        "Normal site-packages is not writeable, and `uv pip sync` into the user site would remove every other package "
        + $"installed in {userSite}, so uv gets the command as typed. Add --user to sync the user site, "
        + "or use a virtual environment.";
}
