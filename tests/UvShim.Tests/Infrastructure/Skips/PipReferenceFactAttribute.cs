using UvShim.Tests.Integration;

namespace UvShim.Tests.Infrastructure.Skips;

/// <summary>A fact that compares with pip itself: Skipped, saying why, where Debian's pip is missing.</summary>
public sealed class PipReferenceFactAttribute : FactAttribute
{
    public PipReferenceFactAttribute() => Skip = OperatingSystem.IsLinux() ? PipReference.Missing : "Linux only";
}

/// <summary>A theory that compares with pip itself: Skipped, saying why, where Debian's pip is missing.</summary>
public sealed class PipReferenceTheoryAttribute : TheoryAttribute
{
    public PipReferenceTheoryAttribute() => Skip = OperatingSystem.IsLinux() ? PipReference.Missing : "Linux only";
}
