using System.Text;
using UvShim.Processes;

namespace UvShim.Python;

/// <summary>
/// The language pip picks a localized PEP 668 text by: pip's <c>main</c> calls <c>locale.setlocale(LC_ALL, "")</c>
/// (cli/main.py), then <c>ExternallyManagedEnvironment</c> reads <c>locale.getlocale(LC_MESSAGES)[0]</c>
/// (exceptions.py <c>_iter_externally_managed_error_keys</c>). Whether the C library has the locale, and how
/// Python normalizes its name (<c>de_DE.utf8</c> is <c>de_DE</c>, <c>C.UTF-8</c> is <c>C</c>), only that interpreter
/// knows, so it is asked, and only when a marker has localized texts to choose from.
/// </summary>
internal static class MessagesLanguage
{
    // -I -S: nothing from the working directory or site-packages runs; the locale variables still apply.
    private const string Script = """
import locale as L
try: L.setlocale(L.LC_ALL, "")
except L.Error: pass
try: print(L.getlocale(L.LC_MESSAGES)[0] or "")
except (AttributeError, ValueError): print("")
""";

    /// <summary>The language, or null (the C locale, no LC_MESSAGES on the platform, or an interpreter that did not answer).</summary>
    public static string? Of(string executable, IReadOnlyDictionary<string, string> env, TimeSpan timeout)
    {
        // LC_ALL, then LC_MESSAGES, then LANG (POSIX); unset, C or POSIX is the C locale whatever the other categories say.
        var name = new[] { "LC_ALL", "LC_MESSAGES", "LANG" }
            .Select(variable => env.GetValueOrDefault(variable) ?? "")
            .FirstOrDefault(value => value.Length > 0) ?? "";
        if (name is "" or "C" or "POSIX")
            return null;

        try
        {
            var run = ChildProcess.Run(ChildRequest.Captured(executable, ["-I", "-S", "-c", Script], timeout, maxOutputBytes: 4096, keptErrorBytes: 1024));
            var language = run.OutputText.Trim();
            return run.ExitCode == 0 && language.Length > 0 ? language : null;
        }
        catch (ChildFailedException)
        {
            return null;
        }
    }
}
