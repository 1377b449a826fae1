namespace UvShim.Tests.Infrastructure.Skips;

/// <summary>A Linux fact that needs the tests to run as root; otherwise Skipped, saying why it needs root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    /// <param name="because">What only root can do, e.g. "only root can run a uid without a passwd entry".</param>
    public RootFactAttribute(string because) => Skip = TestTier.NotRoot(because);
}

/// <summary>A Linux theory that needs the tests to run as root; otherwise Skipped, saying why it needs root.</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    /// <param name="because">What only root can do.</param>
    public RootTheoryAttribute(string because) => Skip = TestTier.NotRoot(because);
}
