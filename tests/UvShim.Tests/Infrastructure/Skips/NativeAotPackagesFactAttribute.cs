using UvShim.Tests.Packaging;

namespace UvShim.Tests.Infrastructure.Skips;

/// <summary>
/// A fact about the NativeAOT packages scripts/pack.sh makes (linux-x64 and linux-arm64, on either host): Skipped without
/// them (a bare <c>dotnet test</c>, which packs only the framework-dependent tool), and on a host of another architecture.
/// </summary>
public sealed class NativeAotPackagesFactAttribute : FactAttribute
{
    /// <param name="what">What the test checks, for the skip reason.</param>
    public NativeAotPackagesFactAttribute(string what) =>
        Skip = TestTier.NoPackages(what)
            ?? (OperatingSystem.IsLinux() && OtherArchitectureSpecs.Other is null ? "only on x86_64 and aarch64 hosts, where scripts/pack.sh packs the NativeAOT packages" : null);
}
