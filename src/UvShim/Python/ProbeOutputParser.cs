namespace UvShim.Python;

/// <summary>Reads the NUL-terminated <c>key=value</c> output of <see cref="ProbeScript"/>.</summary>
internal static class ProbeOutputParser
{
    public static InterpreterProbe Parse(string output)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in output.Split('\0'))
        {
            if (pair.Length == 0)
                continue;
            var eq = pair.IndexOf('=');
            if (eq <= 0)
                throw new ProbeFormatException($"unexpected output '{Shorten(pair)}'");
            values[pair[..eq]] = pair[(eq + 1)..];
        }

        if (!values.TryGetValue("probe", out var version) || version != "1")
            throw new ProbeFormatException(output.Length == 0 ? "no output" : $"unexpected output '{Shorten(output)}'");

        string Get(string key) =>
            values.TryGetValue(key, out var v) ? v : throw new ProbeFormatException($"'{key}' missing from the output");

        SchemePaths Scheme(string prefix) =>
            new(Get(prefix + "purelib"), Get(prefix + "platlib"), Get(prefix + "scripts"), Get(prefix + "data"));

        return new InterpreterProbe
        {
            Executable = Get("executable"),
            Version = Get("version"),
            Platform = Get("platform"),
            OsName = Get("os_name"),
            Framework = Get("framework"),
            GilDisabled = Get("gil_disabled") == "1",
            Prefix = Get("prefix"),
            BasePrefix = Get("base_prefix"),
            InVenv = Get("in_venv") == "1",
            VenvIncludeSystemSitePackages = Get("venv_include_system_site_packages"),
            EnableUserSite = Get("enable_user_site"),
            UserBase = Get("userbase"),
            UserSite = Get("usersite"),
            UserScheme = Get("user_scheme"),
            PrefixScheme = Get("prefix_scheme"),
            Stdlib = Get("stdlib"),
            // Probes recorded before the key existed have none.
            SitePackages = values.TryGetValue("site_packages", out var sites) ? sites : "",
            User = Scheme("user_"),
            Default = Scheme("prefix_"),
            PrefixLayout = Scheme("venv_"),
        };
    }

    private static string Shorten(string text)
    {
        var printable = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return printable.Length <= 60 ? printable : printable[..60] + "…";
    }
}

internal sealed class ProbeFormatException(string message) : Exception(message);
