using System.Globalization;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// The interpreters the integration tests install for, each prepared once per run (lazily, thread-safe):
/// <list type="bullet">
/// <item><see cref="DebianSystem"/>: Debian's /usr/bin/python3 (externally managed) if present;</item>
/// <item><see cref="UnwritableCopy"/>: a copy of the newest pyenv CPython 3.x that the test user cannot write:
/// root-owned when the tests run as root, else write bits removed (cleanup restores them);</item>
/// <item><see cref="WritableCopy"/>: a second copy, for tests where the test process (root) installs into it.</item>
/// </list>
/// A copy holds bin/ and lib/ without the bulky test suites, static libpython or third-party site-packages;
/// its executable's RUNPATH (absolute, under pyenv's root) becomes <c>$ORIGIN/../lib</c> (patchelf).
/// Each interpreter is probed as the unprivileged test user, which proves that user can run it.
/// </summary>
[SupportedOSPlatform("linux")]
public static partial class TestInterpreters
{
    private const string ProbeScript =
        "import json, sys, sysconfig; print(json.dumps({'executable': sys.executable, 'prefix': sys.prefix, "
        + "'version': '%d.%d.%d' % sys.version_info[:3], 'stdlib': sysconfig.get_path('stdlib')}))";

    private static readonly Lazy<TestInterpreter?> Debian = new(ProbeDebian, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<TestInterpreter> Unwritable = new(() => CopyPyenvPython(writable: false), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<TestInterpreter> Writable = new(() => CopyPyenvPython(writable: true), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Debian's /usr/bin/python3, or null where there is none.</summary>
    public static TestInterpreter? DebianSystem => Debian.Value;

    public static TestInterpreter UnwritableCopy => Unwritable.Value;

    /// <summary>Owned by the test process and left writable (meant for root: root can write any root-owned copy).</summary>
    public static TestInterpreter WritableCopy => Writable.Value;

    /// <summary>pyenv's root: <c>pyenv root</c> when pyenv is on PATH, else <c>$PYENV_ROOT</c>, else <c>$HOME/.pyenv</c>.</summary>
    public static string? PyenvRoot()
    {
        if (ExecutableLookup.OnPath("pyenv") is { } pyenv)
        {
            using var user = TestUser.CreateCurrent();
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? user.Home,
                ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? TestUser.DefaultPath,
            };
            if (Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } configured)
            {
                environment["PYENV_ROOT"] = configured;
            }
            var result = ShimProcessRunner.Run(user, pyenv, ["root"], environment, timeout: TimeSpan.FromMinutes(1));
            if (result.ExitCode == 0 && Directory.Exists(result.StandardOutput.Trim()))
            {
                return result.StandardOutput.Trim();
            }
        }
        if (Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } root && Directory.Exists(root))
        {
            return root;
        }
        var home = Environment.GetEnvironmentVariable("HOME");
        return home is not null && Directory.Exists(Path.Combine(home, ".pyenv")) ? Path.Combine(home, ".pyenv") : null;
    }

    /// <summary>The newest <c>versions/3.X.Y</c> under pyenv's root (plain CPython builds only).</summary>
    public static string NewestPyenvCPython()
    {
        var root = PyenvRoot() ?? throw new InvalidOperationException(
            "No pyenv found (pyenv on PATH, $PYENV_ROOT, $HOME/.pyenv): the integration tests need a pyenv CPython 3.x.");
        return Directory.EnumerateDirectories(Path.Combine(root, "versions"))
            .Select(path => (Path: path, Match: CPythonVersion().Match(Path.GetFileName(path))))
            .Where(v => v.Match.Success && File.Exists(Path.Combine(v.Path, "bin", $"python3.{v.Match.Groups[1].Value}")))
            .OrderBy(v => int.Parse(v.Match.Groups[1].Value, CultureInfo.InvariantCulture))
            .ThenBy(v => int.Parse(v.Match.Groups[2].Value, CultureInfo.InvariantCulture))
            .Select(v => v.Path)
            .LastOrDefault() ?? throw new InvalidOperationException($"No CPython 3.x under {root}/versions.");
    }

    /// <summary>Runs the interpreter as the unprivileged test user and reads what it says about itself.</summary>
    public static TestInterpreter Probe(string description, string executable)
    {
        using var user = TestUser.CreateUnprivileged();
        var result = ShimProcessRunner.Run(user, executable, ["-I", "-c", ProbeScript], user.Environment(), timeout: TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{description} ({executable}) does not run as the test user ({user}): {result}");
        }
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        return new TestInterpreter(
            description,
            root.GetProperty("executable").GetString()!,
            root.GetProperty("prefix").GetString()!,
            root.GetProperty("version").GetString()!,
            root.GetProperty("stdlib").GetString()!);
    }

    private static TestInterpreter? ProbeDebian() =>
        File.Exists("/usr/bin/python3") ? Probe("Debian's system Python", "/usr/bin/python3") : null;

    private static TestInterpreter CopyPyenvPython(bool writable)
    {
        var source = NewestPyenvCPython();
        var destination = Path.Combine(
            TestRunDirectory.CreateSubdirectory("python"),
            Path.GetFileName(source) + (writable ? "-writable" : ""));
        Directory.CreateDirectory(destination);
        TreeCopy.CopyDirectory(Path.Combine(source, "bin"), Path.Combine(destination, "bin"));
        TreeCopy.CopyDirectory(Path.Combine(source, "lib"), Path.Combine(destination, "lib"), IsNeededAtRuntime);
        File.SetUnixFileMode(destination, UnixFileModes.Public);

        var python3 = Path.Combine(destination, "bin", "python3");
        if (!File.Exists(python3))
        {
            var version = Path.GetFileName(source);
            File.CreateSymbolicLink(python3, "python" + version[..version.LastIndexOf('.')]);
        }
        var executable = File.ResolveLinkTarget(python3, returnFinalTarget: true)?.FullName ?? python3;
        RelocateLibraryPath(executable);
        if (!writable && !Posix.IsRoot)
        {
            TreeCopy.RemoveWriteBits(destination);
        }
        return Probe(
            $"pyenv CPython copy ({(writable ? "writable" : "unwritable")}) of {source}",
            python3);
    }

    /// <summary>Skips test suites, the static libpython and everything in site-packages but its README.</summary>
    private static bool IsNeededAtRuntime(string relative, bool isDirectory)
    {
        var parts = relative.Split('/');
        if (parts.Length < 2 || !parts[0].StartsWith("python", StringComparison.Ordinal))
        {
            return true;
        }
        if (isDirectory && parts[^1] is "test" or "tests" or "idle_test")
        {
            return false;
        }
        if (parts[1] == "site-packages" && parts.Length > 2)
        {
            return parts is [_, _, "README.txt"];
        }
        return !(parts[1].StartsWith("config-", StringComparison.Ordinal) && relative.EndsWith(".a", StringComparison.Ordinal));
    }

    /// <summary>pyenv links the executable to libpython through an absolute RUNPATH; point it at the copy.</summary>
    private static void RelocateLibraryPath(string executable)
    {
        using var user = TestUser.CreateCurrent();
        var environment = user.Environment(Environment.GetEnvironmentVariable("PATH"));
        var patchelf = ExecutableLookup.OnPath("patchelf");
        if (patchelf is null)
        {
            throw new InvalidOperationException("patchelf is needed to relocate the copied interpreter (Debian package `patchelf`).");
        }
        var needed = ShimProcessRunner.Run(user, patchelf, ["--print-needed", executable], environment);
        if (needed.ExitCode != 0)
        {
            throw new InvalidOperationException($"patchelf --print-needed {executable}: {needed}");
        }
        if (!needed.StandardOutput.Contains("libpython", StringComparison.Ordinal))
        {
            return;
        }
        var patched = ShimProcessRunner.Run(user, patchelf, ["--set-rpath", "$ORIGIN/../lib", executable], environment);
        if (patched.ExitCode != 0)
        {
            throw new InvalidOperationException($"patchelf --set-rpath {executable}: {patched}");
        }
    }

    [GeneratedRegex(@"^3\.(\d+)\.(\d+)$")]
    private static partial Regex CPythonVersion();
}
