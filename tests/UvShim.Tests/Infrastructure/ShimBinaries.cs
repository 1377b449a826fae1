using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// The programs under test, copied once per run into a 0755 directory the unprivileged user can reach
/// (the test output directory may sit under a 0700 home):
/// <list type="bullet">
/// <item>the uvshim under test: <c>$UVSHIM_TEST_SHIM</c> if set (e.g. a NativeAOT binary from <c>dotnet tool install</c>;
/// its resolved file is copied), else the framework-dependent <c>uvshim</c> apphost the ProjectReference puts in
/// the test output directory (copied with all top-level files of that directory: dlls, deps.json, runtimeconfig.json);</item>
/// <item>the fake uv (<c>fake-uv</c> apphost), a directory holding it as <c>uv</c> for PATH lookups, and, where perl
/// exists, a signal probe in front of it that reports the signal dispositions the fake was exec'd with.</item>
/// </list>
/// Preparing verifies that the fake runs as the unprivileged user.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ShimBinaries
{
    public const string FakeUvVersion = "uv 0.12.5 (fake)";

    private static readonly Lazy<ShimBinaries> Instance = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    private ShimBinaries(string shim, bool shimIsCustom, string fakeUv, string uvDirectory, string? signalProbe, IReadOnlyDictionary<string, string> runtimeEnvironment)
    {
        Shim = shim;
        ShimIsCustom = shimIsCustom;
        FakeUv = fakeUv;
        UvDirectory = uvDirectory;
        FakeUvBehindSignalProbe = signalProbe;
        RuntimeEnvironment = runtimeEnvironment;
    }

    public static ShimBinaries Shared => Instance.Value;

    /// <summary>The uvshim executable to run.</summary>
    public string Shim { get; }

    /// <summary>True when <see cref="Shim"/> came from <c>UVSHIM_TEST_SHIM</c>.</summary>
    public bool ShimIsCustom { get; }

    /// <summary>The fake uv; give it to uvshim as <c>UVSHIM_UV</c>.</summary>
    public string FakeUv { get; }

    /// <summary>A directory whose only entry is <c>uv</c> (a symlink to the fake): put it on PATH.</summary>
    public string UvDirectory { get; }

    /// <summary>
    /// A perl script that writes the ignored-signal mask it was exec'd with for the fake to record
    /// (<see cref="FakeUvRecord.SigpipeIgnoredAtExec"/>), then execs the fake: same PID, argv and environment.
    /// Needed because the .NET runtime ignores SIGPIPE as it starts, so the fake's own view is always "ignored".
    /// Null when perl is not on PATH.
    /// </summary>
    public string? FakeUvBehindSignalProbe { get; }

    /// <summary>What a framework-dependent apphost needs in a minimal environment: DOTNET_ROOT when the
    /// runtime is not where apphosts look by default. Usually empty. <see cref="ShimProcessRunner.RunShim"/> adds it.</summary>
    public IReadOnlyDictionary<string, string> RuntimeEnvironment { get; }

    private static ShimBinaries Prepare()
    {
        var output = AppContext.BaseDirectory;
        var binaries = TestRunDirectory.CreateSubdirectory("binaries");
        foreach (var file in Directory.EnumerateFiles(output))
        {
            TreeCopy.CopyFile(file, Path.Combine(binaries, Path.GetFileName(file)));
        }

        var fakeUv = Path.Combine(binaries, "fake-uv");
        RequireFiles(output, "the fake uv (ProjectReference to tests/UvShim.FakeUv)", "fake-uv", "fake-uv.dll", "fake-uv.runtimeconfig.json");

        string shim;
        var custom = Environment.GetEnvironmentVariable("UVSHIM_TEST_SHIM");
        if (!string.IsNullOrEmpty(custom))
        {
            var resolved = File.ResolveLinkTarget(custom, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(custom);
            if (!File.Exists(resolved))
            {
                throw new InvalidOperationException($"UVSHIM_TEST_SHIM={custom} does not name a file.");
            }
            shim = Path.Combine(TestRunDirectory.CreateSubdirectory("shim"), "uvshim");
            TreeCopy.CopyFile(resolved, shim);
            File.SetUnixFileMode(shim, UnixFileModes.Public);
        }
        else
        {
            RequireFiles(output, "the uvshim apphost (ProjectReference to src/UvShim)", "uvshim", "uvshim.dll", "uvshim.runtimeconfig.json");
            shim = Path.Combine(binaries, "uvshim");
        }

        var uvDirectory = TestRunDirectory.CreateSubdirectory("uv-on-path");
        File.CreateSymbolicLink(Path.Combine(uvDirectory, "uv"), fakeUv);

        var probe = WriteSignalProbe(binaries, fakeUv);
        var prepared = new ShimBinaries(shim, !string.IsNullOrEmpty(custom), fakeUv, uvDirectory, probe, DotnetRootIfNeeded());
        prepared.VerifyFakeRunsAsTestUser();
        return prepared;
    }

    private static void RequireFiles(string directory, string what, params string[] names)
    {
        var missing = names.Where(n => !File.Exists(Path.Combine(directory, n))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{what}: {string.Join(", ", missing)} missing from the test output directory {directory}. "
                + "Build the test project (dotnet build/test tests/UvShim.Tests), or set UVSHIM_TEST_SHIM.");
        }
    }

    private static string? WriteSignalProbe(string directory, string fakeUv)
    {
        var perl = ExecutableLookup.OnPath("perl");
        if (perl is null)
        {
            return null;
        }
        var quoted = fakeUv.Replace(@"\", @"\\").Replace("'", @"\'");
        var path = Path.Combine(directory, "fake-uv-signal-probe");
        File.WriteAllText(path, $$"""
            #!{{perl}}
            # Signal probe in front of the fake uv (tests/UvShim.Tests/Infrastructure/ShimBinaries.cs).
            # The .NET runtime ignores SIGPIPE while it starts, so the fake cannot see the dispositions it was
            # exec'd with. This script is not .NET: it writes its SigIgn mask to $FAKE_UV_RECORD_DIR/.sigign-<pid>
            # for the fake to record, then execs the fake: same PID, same argv bytes, same environment.
            my $dir = $ENV{FAKE_UV_RECORD_DIR};
            if (defined $dir && length $dir && open(my $status, '<', '/proc/self/status')) {
                while (my $line = <$status>) {
                    if ($line =~ /^SigIgn:\s*([0-9a-fA-F]+)/) {
                        if (open(my $out, '>', "$dir/.sigign-$$")) { print $out "$1\n"; close $out; }
                        last;
                    }
                }
                close $status;
            }
            my $fake = '{{quoted}}';
            exec { $fake } $fake, @ARGV;
            die "fake-uv signal probe: cannot exec $fake: $!\n";

            """);
        File.SetUnixFileMode(path, UnixFileModes.Public);
        return path;
    }

    /// <summary>
    /// An apphost finds the runtime through DOTNET_ROOT, else /etc/dotnet/install_location, else /usr/share/dotnet.
    /// The test user's environment is minimal, so pass DOTNET_ROOT when the running runtime is elsewhere.
    /// </summary>
    private static Dictionary<string, string> DotnetRootIfNeeded()
    {
        var runtimeDirectory = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/');
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var defaults = new List<string> { "/usr/share/dotnet" };
        foreach (var location in new[] { "/etc/dotnet/install_location", $"/etc/dotnet/install_location_{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}" })
        {
            if (File.Exists(location))
            {
                defaults.Add(File.ReadAllText(location).Trim().TrimEnd('/'));
            }
        }
        return defaults.Contains(dotnetRoot.TrimEnd('/'))
            ? []
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["DOTNET_ROOT"] = dotnetRoot };
    }

    private void VerifyFakeRunsAsTestUser()
    {
        using var user = TestUser.CreateUnprivileged();
        var environment = user.Environment();
        foreach (var (name, value) in RuntimeEnvironment)
        {
            environment[name] = value;
        }
        environment[ShimProcessRunner.RealUvVariable] = ""; // the fake itself, even when the tests run against a real uv
        foreach (var program in new[] { FakeUv, Path.Combine(UvDirectory, "uv"), FakeUvBehindSignalProbe }.OfType<string>())
        {
            var result = ShimProcessRunner.Run(user, program, ["--version"], environment, timeout: TimeSpan.FromMinutes(1));
            if (result.ExitCode != 0 || result.StandardOutput.Trim() != FakeUvVersion || result.Records.Count != 1)
            {
                throw new InvalidOperationException(
                    $"The fake uv does not run as the test user ({user}) from {program}: {result}\n"
                    + "A framework-dependent apphost needs a .NET runtime that user can read (DOTNET_ROOT).");
            }
        }
    }
}
