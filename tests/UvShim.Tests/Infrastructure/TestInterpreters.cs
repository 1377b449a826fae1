using System.Collections.Concurrent;
using System.Runtime.Versioning;
using System.Text.Json;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// The interpreters the integration tests install for, each prepared once per run (lazily, thread-safe), all made from
/// what scripts/prerequisites.sh installs: Debian's <c>/usr/bin/python3</c> (package python3).
/// <list type="bullet">
/// <item><see cref="DebianSystem"/>: Debian's /usr/bin/python3 itself (externally managed), if present;</item>
/// <item><see cref="UnwritableCopy"/>: a private copy of that CPython without the EXTERNALLY-MANAGED marker, which the
/// test user cannot write: root-owned when the tests run as root, else write bits removed (cleanup restores them);</item>
/// <item><see cref="WritableCopy"/>: a second copy, for tests where the test process (root) installs into it;</item>
/// <item><see cref="UnwritableCopyWithSystemPackages"/>: a third copy that the test process first installs
/// <see cref="SystemPackages"/> into (with the fake uv), then makes unwritable like <see cref="UnwritableCopy"/>;</item>
/// <item><see cref="PyenvCopy"/>: an unwritable copy of one of pyenv's CPythons (<see cref="PyenvCPythons"/>), where pyenv is.</item>
/// </list>
/// A copy is a prefix of its own: <c>bin/python3.X</c> (the real executable, not a link: CPython finds its prefix from
/// where its executable is, by the landmark <c>lib/python3.X/os.py</c>), <c>bin/python3</c> linking to it, the standard
/// library without its test suites, third-party packages or static libpython, the shared libpython where the build has
/// one (pyenv's; its RUNPATH becomes <c>$ORIGIN/../lib</c> with patchelf), and an empty default site-packages (Debian's
/// python3 installs into <c>&lt;prefix&gt;/local/lib/python3.X/dist-packages</c>, which Debian creates under /usr/local).
/// Each interpreter is probed as the unprivileged test user, which proves that user can run it.
/// </summary>
[SupportedOSPlatform("linux")]
public static class TestInterpreters
{
    /// <summary>The CPython scripts/prerequisites.sh installs (Debian package python3).</summary>
    public const string SystemPython = "/usr/bin/python3";

    /// <summary>What an interpreter says about itself, as the test user; "site" and "scripts" are pip's defaults (the preferred "prefix" scheme).</summary>
    private const string ProbeScript =
        "import json, sys, sysconfig\n"
        + "g = getattr(sysconfig, 'get_preferred_scheme', None)\n"
        + "scheme = g('prefix') if g else sysconfig._get_default_scheme()\n"
        + "print(json.dumps({'executable': sys.executable, 'prefix': sys.prefix, 'version': '%d.%d.%d' % sys.version_info[:3], "
        + "'stdlib': sysconfig.get_path('stdlib'), 'site': sysconfig.get_path('purelib', scheme), 'scripts': sysconfig.get_path('scripts', scheme)}))";

    /// <summary>What a copy is made of, asked of the source interpreter as the test process.</summary>
    private const string SourceScript =
        "import json, os, sys, sysconfig\n"
        + "v = sysconfig.get_config_var\n"
        + "print(json.dumps({'executable': os.path.realpath(sys.executable), 'prefix': sys.prefix, 'version': '%d.%d' % sys.version_info[:2], "
        + "'stdlib': sysconfig.get_path('stdlib'), 'platstdlib': sysconfig.get_path('platstdlib'), "
        + "'shared': bool(v('Py_ENABLE_SHARED')), 'libdir': v('LIBDIR') or ''}))";

    private static readonly Lazy<TestInterpreter?> Debian = new(ProbeDebian, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<TestInterpreter> Unwritable = new(() => CopySystemPython("unwritable", removeWriteBits: true, prepare: null), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<TestInterpreter> Writable = new(() => CopySystemPython("writable", removeWriteBits: false, prepare: null), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SystemPackagesInterpreter> WithSystemPackages = new(CopyWithSystemPackages, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, Lazy<TestInterpreter>> PyenvCopies = new(StringComparer.Ordinal);

    /// <summary>Debian's /usr/bin/python3, or null where there is none.</summary>
    public static TestInterpreter? DebianSystem => Debian.Value;

    public static TestInterpreter UnwritableCopy => Unwritable.Value;

    /// <summary>Owned by the test process and left writable (meant for root: root can write any root-owned copy).</summary>
    public static TestInterpreter WritableCopy => Writable.Value;

    /// <summary>A new copy (one per call) owned by the test process and left writable: for a test that must be the only one
    /// running it as root (changing its mounts, say, or checking that nothing in it changed).</summary>
    public static TestInterpreter CreatePrivateWritableCopy(string kind) => CopySystemPython(kind, removeWriteBits: false, prepare: null);

    /// <summary>An unwritable copy whose system site-packages holds <see cref="SystemPackagesInterpreter.Wheels"/>.</summary>
    public static SystemPackagesInterpreter UnwritableCopyWithSystemPackages => WithSystemPackages.Value;

    /// <summary>An unwritable copy (like <see cref="UnwritableCopy"/>) of pyenv's CPython <paramref name="version"/>, one per run.</summary>
    public static TestInterpreter PyenvCopy(string version) =>
        PyenvCopies.GetOrAdd(version, v => new Lazy<TestInterpreter>(
            () => CopyCPython(Path.Combine(PyenvCPythons.Directory(v), "bin", "python3"), $"pyenv CPython {v}", "pyenv-" + v, removeWriteBits: true, prepare: null),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;

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
            root.GetProperty("stdlib").GetString()!,
            root.GetProperty("site").GetString()!,
            root.GetProperty("scripts").GetString()!);
    }

    private static TestInterpreter? ProbeDebian() =>
        File.Exists(SystemPython) ? Probe("Debian's system Python", SystemPython) : null;

    private static TestInterpreter CopySystemPython(string kind, bool removeWriteBits, Action<TestInterpreter>? prepare)
    {
        if (!File.Exists(SystemPython))
        {
            throw new InvalidOperationException($"The integration tests copy {SystemPython}, which is missing: scripts/prerequisites.sh installs it (Debian package python3).");
        }
        return CopyCPython(SystemPython, $"copy of {SystemPython}", kind, removeWriteBits, prepare);
    }

    /// <summary>
    /// Copies the CPython <paramref name="source"/> into a new prefix; <paramref name="prepare"/> runs while the copy is
    /// still writable (installing into it as the test process); then, unless the tests run as root (a root-owned copy is
    /// unwritable to the test user anyway), the write bits go when <paramref name="removeWriteBits"/>.
    /// </summary>
    private static TestInterpreter CopyCPython(string source, string origin, string kind, bool removeWriteBits, Action<TestInterpreter>? prepare)
    {
        var layout = SourceLayout.Of(source);
        var destination = Path.Combine(TestRunDirectory.CreateSubdirectory("python"), $"python{layout.Version}-{kind}");
        Directory.CreateDirectory(destination);
        File.SetUnixFileMode(destination, UnixFileModes.Public);

        var bin = Path.Combine(destination, "bin");
        Directory.CreateDirectory(bin);
        File.SetUnixFileMode(bin, UnixFileModes.Public);
        var executable = Path.Combine(bin, "python" + layout.Version);
        TreeCopy.CopyFile(layout.Executable, executable);
        File.CreateSymbolicLink(Path.Combine(bin, "python3"), "python" + layout.Version);

        foreach (var library in new[] { layout.Stdlib, layout.PlatStdlib }.Distinct(StringComparer.Ordinal))
        {
            var target = Path.Combine(destination, layout.Relative(library));
            if (!Directory.Exists(target))
            {
                CreatePublicDirectories(destination, Path.GetDirectoryName(target)!);
                TreeCopy.CopyDirectory(library, target, IsNeededAtRuntime);
            }
        }
        if (layout.Shared && NeededLibpython(executable) is { } needed)
        {
            var libraryDirectory = Path.Combine(destination, "lib");
            CreatePublicDirectories(destination, libraryDirectory);
            TreeCopy.CopyFile(Path.Combine(layout.LibDir, needed), Path.Combine(libraryDirectory, needed));
            RelocateLibraryPath(executable);
        }

        var python3 = Path.Combine(bin, "python3");
        var description = $"{origin} ({kind})";
        var copy = Probe(description, python3);
        CreatePublicDirectories(destination, copy.SitePackages);
        prepare?.Invoke(copy);
        if (removeWriteBits && !Posix.IsRoot)
        {
            TreeCopy.RemoveWriteBits(destination);
        }
        return Probe(description, python3);
    }

    /// <summary>Creates <paramref name="directory"/> and its missing parents below <paramref name="root"/>, mode 0755.</summary>
    private static void CreatePublicDirectories(string root, string directory)
    {
        var missing = new Stack<string>();
        for (var current = directory; current.Length > root.Length && !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }
        foreach (var path in missing)
        {
            Directory.CreateDirectory(path);
            File.SetUnixFileMode(path, UnixFileModes.Public);
        }
    }

    /// <summary>Installs the system packages with the fake uv itself (never a real uv: this is setup), as the test process.</summary>
    private static SystemPackagesInterpreter CopyWithSystemPackages()
    {
        var wheelDirectory = TestRunDirectory.CreateSubdirectory("system-wheels");
        var wheels = SystemPackages.Select(p => WheelBuilder.Build(wheelDirectory, p.Name, p.Version)).ToList();
        var python = CopySystemPython("with-system-packages", removeWriteBits: true, prepare: copy =>
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
        return new SystemPackagesInterpreter(python, wheels, python.SitePackages);
    }

    /// <summary>
    /// What <see cref="UnwritableCopyWithSystemPackages"/> has in its system site-packages: <c>uvshim-demo 0.9</c>
    /// (older than the fixtures' 1.0, so a user install shadows it) and <c>uvshim-system 3.0</c> (only there).
    /// </summary>
    public static IReadOnlyList<(string Name, string Version)> SystemPackages { get; } = [("uvshim-demo", "0.9"), ("uvshim-system", "3.0")];

    /// <summary>Skips the marker of an externally managed Python, test suites, third-party packages (a README stays),
    /// and the libraries in config-3.X (the static libpython; Debian's link to the shared one, which leads nowhere in a copy).</summary>
    private static bool IsNeededAtRuntime(string relative, bool isDirectory)
    {
        var parts = relative.Split('/');
        if (relative == "EXTERNALLY-MANAGED" || isDirectory && parts[^1] is "test" or "tests" or "idle_test")
        {
            return false;
        }
        if (parts is ["site-packages" or "dist-packages", _, ..])
        {
            return parts is [_, "README.txt"];
        }
        return !(parts is [_, _, ..] && parts[0].StartsWith("config-", StringComparison.Ordinal)
            && (relative.EndsWith(".a", StringComparison.Ordinal) || relative.Contains(".so", StringComparison.Ordinal)));
    }

    /// <summary>The libpython the executable links to (pyenv's builds), or null (Debian's python3 has it built in).</summary>
    private static string? NeededLibpython(string executable)
    {
        using var user = TestUser.CreateCurrent();
        var patchelf = ExecutableLookup.OnPath("patchelf")
            ?? throw new InvalidOperationException("patchelf is needed to copy an interpreter built with a shared libpython (Debian package `patchelf`).");
        var needed = ShimProcessRunner.Run(user, patchelf, ["--print-needed", executable], user.Environment(Environment.GetEnvironmentVariable("PATH")));
        if (needed.ExitCode != 0)
        {
            throw new InvalidOperationException($"patchelf --print-needed {executable}: {needed}");
        }
        return needed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(name => name.StartsWith("libpython", StringComparison.Ordinal));
    }

    /// <summary>pyenv links the executable to libpython through an absolute RUNPATH; point it at the copy.</summary>
    private static void RelocateLibraryPath(string executable)
    {
        using var user = TestUser.CreateCurrent();
        var environment = user.Environment(Environment.GetEnvironmentVariable("PATH"));
        var patchelf = ExecutableLookup.Require("patchelf");
        var patched = ShimProcessRunner.Run(user, patchelf, ["--set-rpath", "$ORIGIN/../lib", executable], environment);
        if (patched.ExitCode != 0)
        {
            throw new InvalidOperationException($"patchelf --set-rpath {executable}: {patched}");
        }
    }

    /// <summary>Where the parts of a CPython are, as it says itself (run as the test process, which can read pyenv's root).</summary>
    private sealed record SourceLayout(string Executable, string Prefix, string Version, string Stdlib, string PlatStdlib, bool Shared, string LibDir)
    {
        public static SourceLayout Of(string python)
        {
            using var user = TestUser.CreateCurrent();
            var result = ShimProcessRunner.Run(user, python, ["-I", "-c", SourceScript], user.Environment(), timeout: TimeSpan.FromMinutes(1));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"{python} does not say where its parts are: {result}");
            }
            using var json = JsonDocument.Parse(result.StandardOutput);
            var root = json.RootElement;
            string Text(string name) => root.GetProperty(name).GetString()!;
            return new SourceLayout(Text("executable"), Text("prefix"), Text("version"), Text("stdlib"), Text("platstdlib"), root.GetProperty("shared").GetBoolean(), Text("libdir"));
        }

        /// <summary>A path of the source, relative to its prefix (where it goes in the copy).</summary>
        public string Relative(string path)
        {
            var relative = Path.GetRelativePath(Prefix, path);
            return relative.StartsWith("..", StringComparison.Ordinal)
                ? throw new InvalidOperationException($"{path} is not under the interpreter's prefix {Prefix}")
                : relative;
        }
    }
}
