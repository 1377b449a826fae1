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
    /// list, a project sync into the user site). <paramref name="Commands"/> describe them for explain.
    /// </summary>
    public sealed record Compose(IReadOnlyList<IReadOnlyList<string>> Commands, Func<UvInvoker, int> Execute, IReadOnlyList<string> Notes, IReadOnlyList<PlanStep> Steps)
        : Plan(Steps);
}

internal sealed record PlanStep(string Label, string Text);
