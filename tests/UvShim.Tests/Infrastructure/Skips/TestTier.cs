namespace UvShim.Tests.Infrastructure.Skips;

/// <summary>
/// What this run of the tests has, read when the tests are discovered: the full tier is scripts/test.sh (the packed
/// NativeAOT uvshim in <c>UVSHIM_TEST_SHIM</c>, its packages in <c>UVSHIM_TEST_PACKAGES</c>); a bare <c>dotnet test</c>
/// is the fast tier, which runs the framework-dependent apphost the build puts beside the tests. A test needing what
/// this run lacks reports Skipped with one of the reasons here (<see cref="LinuxFactAttribute"/> and its kin).
/// </summary>
public static class TestTier
{
    public const string ShimVariable = "UVSHIM_TEST_SHIM";

    public const string PackagesVariable = "UVSHIM_TEST_PACKAGES";

    private const string RunTestSh = "run scripts/test.sh for it";

    public static bool OnLinux => OperatingSystem.IsLinux();

    /// <summary>euid 0 (<see cref="Environment.IsPrivilegedProcess"/>: no libc call on other systems).</summary>
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>True when <c>UVSHIM_TEST_SHIM</c> names a self-contained uvshim (no uvshim.dll beside it): the NativeAOT binary.</summary>
    public static bool HasNativeShim =>
        Environment.GetEnvironmentVariable(ShimVariable) is { Length: > 0 } shim
        && File.Exists(shim)
        && !IsFrameworkDependent(File.ResolveLinkTarget(shim, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(shim));

    /// <summary>True when <c>UVSHIM_TEST_PACKAGES</c> names the directory scripts/pack.sh filled.</summary>
    public static bool HasPackages => Environment.GetEnvironmentVariable(PackagesVariable) is { Length: > 0 } packages && Directory.Exists(packages);

    /// <summary>A framework-dependent uvshim is an apphost with uvshim.dll beside it.</summary>
    public static bool IsFrameworkDependent(string shim) => File.Exists(Path.Combine(Path.GetDirectoryName(shim)!, "uvshim.dll"));

    public static string? NotLinux =>
        OnLinux ? null : "Linux only: it needs Linux's processes, uids and file modes";

    public static string? NotRoot(string because) =>
        NotLinux ?? (IsRoot ? null : $"needs root ({because}); CI runs the tests as root");

    public static string? NoNativeShim(string what) =>
        NotLinux ?? (HasNativeShim ? null : $"{what} needs the packed NativeAOT uvshim ({ShimVariable}): {RunTestSh}");

    public static string? NoPackages(string what) =>
        NotLinux ?? (HasPackages ? null : $"{what} needs the packages scripts/pack.sh makes ({PackagesVariable}): {RunTestSh}");
}
