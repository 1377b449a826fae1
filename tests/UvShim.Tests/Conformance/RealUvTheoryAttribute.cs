using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Conformance;

/// <summary>A theory about a real uv: Skipped, saying so, unless <c>UVSHIM_TEST_UV</c> names one.</summary>
[SupportedOSPlatform("linux")]
public sealed class RealUvTheoryAttribute : TheoryAttribute
{
    public RealUvTheoryAttribute()
    {
        if (ShimProcessRunner.RealUv is null)
            Skip = $"needs a real uv: set {ShimProcessRunner.RealUvVariable}=/path/to/uv";
    }
}
