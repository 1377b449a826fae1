using System.Text;

namespace UvShim.Decision;

/// <summary>pip's own wording, so a refusal reads as the pip user expects.</summary>
internal static class PipMessages
{
    /// <summary>pip's <c>ExternallyManagedEnvironment</c> as it renders it (pip 26, exceptions/__init__.py).</summary>
    public static string ExternallyManaged(string errorText)
    {
        var text = new StringBuilder();
        text.Append("error: externally-managed-environment\n\n");
        text.Append("× This environment is externally managed\n");
        var lines = errorText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            text.Append(i == 0 ? "╰─> " : lines[i].Length == 0 ? "" : "    ").Append(lines[i]).Append('\n');
        text.Append('\n');
        text.Append("note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. ");
        text.Append("You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages");
        text.Append(" (or setting UV_BREAK_SYSTEM_PACKAGES=1).\n");
        text.Append("hint: See PEP 668 for the detailed specification.");
        return text.ToString();
    }

    public static string ImplicitSync(string userSite) =>
        "normal site-packages is not writeable, and `uv pip sync` into the user site would remove every other package "
        + $"installed in {userSite}. uvshim does that only when asked: add --user to sync the user site, "
        + "or use a virtual environment.";
}
