namespace UvShim.Tests.Infrastructure.Skips;

/// <summary>A fact that runs on Linux and reports Skipped, with the reason, elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute() => Skip = TestTier.NotLinux;
}

/// <summary>A theory that runs on Linux and reports Skipped, with the reason, elsewhere.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute() => Skip = TestTier.NotLinux;
}
