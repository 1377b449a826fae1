using System.Diagnostics;
using System.Text.Json;

namespace UvShim.FakeUv;

/// <summary>
/// The facts uv takes from an interpreter (its <c>get_interpreter_info.py</c>), gathered by running it with <c>-I -c</c>:
/// the default install scheme (sysconfig's preferred "prefix" scheme, absolute) and the "virtualenv" scheme
/// (relative; what uv uses under <c>--prefix</c>).
/// </summary>
internal sealed record PythonInterpreter(
    string Executable,
    string Version,
    string Prefix,
    bool IsVirtualEnvironment,
    string Stdlib,
    IReadOnlyDictionary<string, string> Scheme,
    IReadOnlyDictionary<string, string> VirtualEnvScheme)
{
    /// <summary>
    /// The virtualenv scheme mirrors uv's <c>get_virtualenv()</c>: sysconfig's "venv" scheme (3.11+), or
    /// "posix_prefix" on Debian's 3.10, expanded unexpanded-template by template with config vars, where any var
    /// equal to one of the four prefixes becomes "" so that the paths come out relative; else distutils with
    /// prefix "/". The install scheme follows pip: <c>sysconfig.get_preferred_scheme("prefix")</c>.
    /// </summary>
    private const string ProbeScript = """
        import json, os, re, sys, sysconfig

        KEYS = ("purelib", "platlib", "scripts", "data")

        def virtualenv_scheme():
            names = sysconfig.get_scheme_names()
            if "venv" in names:
                scheme = "venv"
            elif sys.version_info[:2] == (3, 10) and "deb_system" in names:
                scheme = "posix_prefix"
            else:
                return distutils_virtualenv_scheme()
            templates = {k: sysconfig.get_path(k, scheme=scheme, expand=False) for k in KEYS}
            names = {m[1:-1] for t in templates.values() for m in re.findall(r"\{\w+}", t)}
            values = {n: sysconfig.get_config_var(n) for n in names}
            prefixes = [os.path.abspath(p) for p in (sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix)]
            values = {n: "" if v in prefixes else v for n, v in values.items()}
            return {k: t.format(**values).replace("/", os.sep).lstrip(os.sep) for k, t in templates.items()}

        def distutils_virtualenv_scheme():
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from distutils import dist
                d = dist.Distribution({"script_args": "--no-user-cfg"})
                i = d.get_command_obj("install", create=True)
            i.prefix = os.sep
            i.finalize_options()
            return {k: getattr(i, "install_" + k)[1:].lstrip(os.sep) for k in KEYS}

        def install_scheme():
            preferred = getattr(sysconfig, "get_preferred_scheme", None)
            name = preferred("prefix") if preferred else ("nt" if os.name == "nt" else "posix_prefix")
            paths = sysconfig.get_paths(scheme=name)
            return {k: paths[k] for k in KEYS + ("include",)}

        print(json.dumps({
            "executable": sys.executable,
            "version": "%d.%d.%d" % sys.version_info[:3],
            "prefix": sys.prefix,
            "is_venv": sys.prefix != getattr(sys, "base_prefix", sys.prefix) or hasattr(sys, "real_prefix"),
            "stdlib": sysconfig.get_path("stdlib"),
            "scheme": install_scheme(),
            "virtualenv": virtualenv_scheme(),
        }))
        """;

    public string MajorMinor => string.Join('.', Version.Split('.').Take(2));

    public static PythonInterpreter Query(string executable)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-I");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ProbeScript);

        string output, error;
        int exitCode;
        try
        {
            using var process = Process.Start(start)!;
            var errorTask = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            error = errorTask.Result;
            process.WaitForExit();
            exitCode = process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UvError($"Failed to inspect Python interpreter from provided path at `{executable}`", [e.Message]);
        }
        if (exitCode != 0)
        {
            throw new UvError($"Failed to inspect Python interpreter from provided path at `{executable}`", [error.Trim()]);
        }

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        return new PythonInterpreter(
            root.GetProperty("executable").GetString()!,
            root.GetProperty("version").GetString()!,
            root.GetProperty("prefix").GetString()!,
            root.GetProperty("is_venv").GetBoolean(),
            root.GetProperty("stdlib").GetString()!,
            ReadPaths(root.GetProperty("scheme")),
            ReadPaths(root.GetProperty("virtualenv")));
    }

    private static Dictionary<string, string> ReadPaths(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
}
