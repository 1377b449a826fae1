using UvShim.Arguments;
using UvShim.HandOver;

namespace UvShim.Planning;

/// <summary>What uvshim will do with one invocation, and why, step by step.</summary>
internal abstract record Plan(IReadOnlyList<PlanStep> Steps)
{
    /// <summary>Exec uv with these arguments; <paramref name="Notes"/> go to stderr first unless quiet.</summary>
    public sealed record HandOver(IReadOnlyList<ArgumentSlot> Arguments, bool Rewritten, IReadOnlyList<string> Notes, IReadOnlyList<PlanStep> Steps)
        : Plan(Steps);

    /// <summary>Stop: print the message (prefixed <c>uvshim: </c>) and exit 2, running nothing.</summary>
    public sealed record Refuse(string Message, IReadOnlyList<PlanStep> Steps) : Plan(Steps);

    /// <summary>
    /// More than one uv run, or uv runs whose output uvshim combines (a mixed uninstall, a merged
    /// list). <paramref name="Commands"/> describe them for explain.
    /// </summary>
    public sealed record Compose(IReadOnlyList<IReadOnlyList<string>> Commands, Func<UvInvoker, int> Execute, IReadOnlyList<string> Notes, IReadOnlyList<PlanStep> Steps)
        : Plan(Steps);

    /// <summary>
    /// uv runs one after another as children on uvshim's own terminal, each of which must succeed, then, when
    /// <paramref name="Then"/> is given, the hand-over to uv with those arguments. A run may name the private
    /// requirements file (<see cref="ChildRun.RequirementsFile"/>), which exists for the runs and is gone before the hand-over.
    /// </summary>
    public sealed record Chain(IReadOnlyList<ChildRun> Runs, IReadOnlyList<ArgumentSlot>? Then, IReadOnlyList<string> Notes, IReadOnlyList<PlanStep> Steps)
        : Plan(Steps);
}

internal sealed record PlanStep(string Label, string Text);

/// <summary>One uv child run of a <see cref="Plan.Chain"/>; its standard output is dropped when <paramref name="QuietStdout"/>.</summary>
internal sealed record ChildRun(IReadOnlyList<string> Arguments, bool QuietStdout = false)
{
    /// <summary>Stands for the private requirements file in <see cref="Arguments"/>; a NUL cannot be in a real argument.</summary>
    public const string RequirementsFile = "\0requirements.txt";

    public IEnumerable<string> Shown => Arguments.Select(a => a == RequirementsFile ? "<private temp file>" : a);
}
