using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Hostile;

/// <summary>Snapshots of the trees a run must not write to (HOME, the working directory, the interpreter), taken before
/// the run and compared after it; only the allowed places (the user base, the probe cache) may change.</summary>
[SupportedOSPlatform("linux")]
internal sealed class WriteWatch
{
    private readonly List<TreeSnapshot> _before;

    private WriteWatch(List<TreeSnapshot> before) => _before = before;

    public static WriteWatch Start(params string[] roots) => new(roots.Distinct().Select(TreeSnapshot.Take).ToList());

    public void AssertNothingWrittenOutside(params string[] allowed)
    {
        var changes = _before.SelectMany(before => TreeSnapshot.Take(before.Root).ChangesSince(before, allowed)).ToList();
        Assert.True(changes.Count == 0, "written outside " + (allowed.Length == 0 ? "(nothing allowed)" : string.Join(", ", allowed)) + ":\n"
            + string.Join("\n", changes.Take(20)));
    }
}
