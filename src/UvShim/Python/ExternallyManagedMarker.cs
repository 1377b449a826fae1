using System.Text;
using UvShim.Decision;

namespace UvShim.Python;

/// <summary>
/// Reads <c>&lt;stdlib&gt;/EXTERNALLY-MANAGED</c> as pip does (exceptions.py <c>ExternallyManagedEnvironment.from_config</c>):
/// UTF-8, configparser's grammar (<see cref="PythonIni"/>), section <c>[externally-managed]</c>, keys
/// <c>Error-&lt;lang&gt;</c>, <c>Error-&lt;language&gt;</c>, <c>Error</c>. A marker configparser cannot open yields pip's
/// default text silently (<c>read</c> skips files it cannot open); one it cannot decode or parse, the default text after
/// pip's warning. Checked live on every run, never cached.
/// </summary>
internal static class ExternallyManagedMarker
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The marker, asking the interpreter for its messages language only when the marker has localized texts.</summary>
    public static ExternallyManaged? Read(InterpreterProbe probe, IReadOnlyDictionary<string, string> env, TimeSpan? timeout = null) =>
        Read(probe, () => MessagesLanguage.Of(probe.Executable, env, timeout ?? TimeSpan.FromSeconds(10)));

    public static ExternallyManaged? Read(InterpreterProbe probe, Func<string?> language)
    {
        // pip's check_externally_managed (utils/misc.py): never in a venv; the marker must be a file.
        if (probe.InVenv)
            return null;
        var path = Path.Combine(probe.Stdlib, "EXTERNALLY-MANAGED");
        if (!File.Exists(path))
            return null;

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ExternallyManaged(path, DefaultText(probe.Prefix));
        }

        try
        {
            var ini = PythonIni.Parse(StrictUtf8.GetString(bytes));
            var localized = ini.Sections.Contains(Section) && ini.Items(Section).Any(p => p.Key.StartsWith("error-", StringComparison.Ordinal));
            var text = ErrorText(ini, localized ? language() : null);
            return new ExternallyManaged(path, text ?? DefaultText(probe.Prefix));
        }
        catch (Exception e) when (e is DecoderFallbackException or PythonIniException)
        {
            return new ExternallyManaged(path, DefaultText(probe.Prefix), Unreadable: true);
        }
    }

    private const string Section = "externally-managed";

    /// <summary>pip's <c>_DEFAULT_EXTERNALLY_MANAGED_ERROR</c>, with the interpreter's <c>sys.prefix</c>; it ends with a newline.</summary>
    public static string DefaultText(string prefix) =>
        $"The Python environment under {prefix} is managed externally, and may not be\n"
        + "manipulated by the user. Please use specific tooling from the distributor of\n"
        + "the Python installation to interact with this environment instead.\n";

    /// <summary>The marker's text for <paramref name="language"/>, or null when it has none (pip then shows its default).</summary>
    public static string? ErrorText(string ini, string? language)
    {
        try
        {
            return ErrorText(PythonIni.Parse(ini), language);
        }
        catch (PythonIniException)
        {
            return null;
        }
    }

    private static string? ErrorText(PythonIni ini, string? language)
    {
        foreach (var key in Keys(language))
        {
            if (ini.Get(Section, key) is { } value)
                return value;
        }
        return null;
    }

    private static IEnumerable<string> Keys(string? language)
    {
        if (language is not null)
        {
            yield return "Error-" + language;
            foreach (var sep in new[] { '-', '_' })
            {
                var at = language.IndexOf(sep);
                if (at >= 0)
                    yield return "Error-" + language[..at];
            }
        }
        yield return "Error";
    }
}
