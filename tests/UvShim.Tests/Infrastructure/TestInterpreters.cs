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
/// <item><see cref="UnwritableCopyWithSystemPackages"/>: a third copy that the test process first installs
/// <see cref="SystemPackages"/> into (with the fake uv), then makes unwritable like <see cref="UnwritableCopy"/>.</item>
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
    private static readonly Lazy<SystemPackagesInterpreter> WithSystemPackages = new(CopyWithSystemPackages, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Debian's /usr/bin/python3, or null where there is none.</summary>
    public static TestInterpreter? DebianSystem => Debian.Value;

    public static TestInterpreter UnwritableCopy => Unwritable.Value;

    /// <summary>Owned by the test process and left writable (meant for root: root can write any root-owned copy).</summary>
    public static TestInterpreter WritableCopy => Writable.Value;

    /// <summary>A new copy (one per call) owned by the test process and left writable: for a test that must be the only one
    /// running it as root (changing its mounts, say, or checking that nothing in it changed).</summary>
    public static TestInterpreter CreatePrivateWritableCopy(string kind) => CopyPyenvPython(kind, removeWriteBits: false, prepare: null);

    /// <summary>An unwritable copy whose system site-packages holds <see cref="SystemPackagesInterpreter.Wheels"/>.</summary>
    public static SystemPackagesInterpreter UnwritableCopyWithSystemPackages => WithSystemPackages.Value;

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

    private static TestInterpreter CopyPyenvPython(bool writable) =>
        CopyPyenvPython(writable ? "writable" : "unwritable", removeWriteBits: !writable, prepare: null);

    /// <summary>
    /// Copies the newest pyenv CPython; <paramref name="prepare"/> runs while the copy is still writable (installing into it
    /// as the test process); then, unless the tests run as root (a root-owned copy is unwritable to the test user anyway),
    /// the write bits go when <paramref name="removeWriteBits"/>.
    /// </summary>
    private static TestInterpreter CopyPyenvPython(string kind, bool removeWriteBits, Action<TestInterpreter>? prepare)
    {
        var source = NewestPyenvCPython();
        var destination = Path.Combine(
            TestRunDirectory.CreateSubdirectory("python"),
            Path.GetFileName(source) + (kind == "unwritable" ? "" : "-" + kind));
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
        var description = $"pyenv CPython copy ({kind}) of {source}";
        if (prepare is not null)
        {
            prepare(Probe(description, python3));
        }
        if (removeWriteBits && !Posix.IsRoot)
        {
            TreeCopy.RemoveWriteBits(destination);
        }
        return Probe(description, python3);
    }

    /// <summary>Installs the system packages with the fake uv itself (never a real uv: this is setup), as the test process.</summary>
    private static SystemPackagesInterpreter CopyWithSystemPackages()
    {
        var wheelDirectory = TestRunDirectory.CreateSubdirectory("system-wheels");
        var wheels = SystemPackages.Select(p => WheelBuilder.Build(wheelDirectory, p.Name, p.Version)).ToList();
        var python = CopyPyenvPython("with-system-packages", removeWriteBits: true, prepare: copy =>
        {
            using var installer = TestUser.CreateCurrent();
            var environment = installer.Environment();
            environment[ShimProcessRunner.RealUvVariable] = "";
            foreach (var (name, value) in ShimBinaries.Shared.RuntimeEnvironment)
            {
                environment[name] = value;
            }
            var result = ShimProcessRunner.Run(
                installer,
                ShimBinaries.Shared.FakeUv,
                ["pip", "install", "--python", copy.Executable, "--break-system-packages", .. wheels.Select(w => w.Path)],
                environment);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"Installing the system packages into {copy} failed: {result}");
            }
        });
        return new SystemPackagesInterpreter(python, wheels, Path.Combine(python.Prefix, "lib", $"python{python.MajorMinor}", "site-packages"));
    }

    /// <summary>
    /// What <see cref="UnwritableCopyWithSystemPackages"/> has in its system site-packages: <c>uvshim-demo 0.9</c>
    /// (older than the fixtures' 1.0, so a user install shadows it) and <c>uvshim-system 3.0</c> (only there).
    /// </summary>
    public static IReadOnlyList<(string Name, string Version)> SystemPackages { get; } = [("uvshim-demo", "0.9"), ("uvshim-system", "3.0")];

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
