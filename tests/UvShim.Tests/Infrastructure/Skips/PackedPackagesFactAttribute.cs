using UvShim.Tests.Packaging;

namespace UvShim.Tests.Infrastructure.Skips;

/// <summary>
/// A fact about the packages scripts/pack.sh makes (every RID): skipped, with the reason, when the run was not given
/// them (<c>UVSHIM_TEST_PACKAGES</c>, which scripts/test.sh sets), or when <paramref name="hostArchitecture"/> names
/// another architecture than this machine's.
/// </summary>
public sealed class PackedPackagesFactAttribute : FactAttribute
{
    public PackedPackagesFactAttribute(string? hostArchitecture = null) =>
        Skip = PackedPackagesSkip.Reason(hostArchitecture);
}

/// <summary>The theory form of <see cref="PackedPackagesFactAttribute"/>.</summary>
public sealed class PackedPackagesTheoryAttribute : TheoryAttribute
{
    public PackedPackagesTheoryAttribute(string? hostArchitecture = null) =>
        Skip = PackedPackagesSkip.Reason(hostArchitecture);
}

internal static class PackedPackagesSkip
{
    public static string? Reason(string? hostArchitecture)
    {
        if (TestTier.NoPackages("every package scripts/pack.sh makes") is { } missing)
            return missing;
        var host = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        return hostArchitecture is null || hostArchitecture == host
            ? null
            : $"runs on a {hostArchitecture} host only; this one is {host}";
    }
}
