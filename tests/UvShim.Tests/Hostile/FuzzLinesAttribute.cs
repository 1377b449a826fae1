using System.Globalization;
using System.Reflection;
using UvShim.Tests.Infrastructure.Skips;
using Xunit.Sdk;

namespace UvShim.Tests.Hostile;

/// <summary>
/// One fuzzing size for <see cref="ArgumentFuzzSpecs"/>, shown in the test's name as its <c>lines</c> argument.
/// A full-size row needs the packed NativeAOT uvshim (scripts/test.sh): with the framework-dependent apphost a bare
/// <c>dotnet test</c> runs, a line takes about fifty times longer, so there the row reports Skipped and says so.
/// <c>UVSHIM_FUZZ_COUNT</c> replaces the sizes by one, run in every tier (to replay a failure at the size it was found with).
/// </summary>
public sealed class FuzzLinesAttribute : DataAttribute
{
    public const string CountVariable = "UVSHIM_FUZZ_COUNT";

    private readonly int? _lines;

    /// <param name="lines">Lines per seed.</param>
    /// <param name="needsNativeShim">True for a size only the NativeAOT binary runs in reasonable time.</param>
    public FuzzLinesAttribute(int lines, bool needsNativeShim = false)
    {
        var replay = Environment.GetEnvironmentVariable(CountVariable) is { Length: > 0 } count ? int.Parse(count, CultureInfo.InvariantCulture) : (int?)null;
        _lines = replay is null ? lines : needsNativeShim ? null : replay;
        Skip = needsNativeShim && replay is null
            ? TestTier.NoNativeShim(string.Create(CultureInfo.InvariantCulture,
                $"fuzzing {lines:N0} lines per seed (about fifty times slower per line with the framework-dependent apphost this run tests; the smaller row runs)"))
            : TestTier.NotLinux;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => _lines is { } lines ? [[lines]] : [];
}
