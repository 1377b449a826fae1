using UvShim.Arguments;

namespace UvShim.Planning;

/// <summary>What uvshim will do with one invocation, and why, step by step.</summary>
internal abstract record Plan(IReadOnlyList<PlanStep> Steps)
{
    /// <summary>Hand over to uv; <paramref name="Notes"/> go to stderr first unless quiet.</summary>
    public sealed record HandOver(IReadOnlyList<ArgumentSlot> Arguments, bool Rewritten, IReadOnlyList<string> Notes, IReadOnlyList<PlanStep> Steps)
        : Plan(Steps);

    /// <summary>Stop: print the message (prefixed <c>uvshim: </c>) and exit 2, running nothing.</summary>
    public sealed record Refuse(string Message, IReadOnlyList<PlanStep> Steps) : Plan(Steps);
}

internal sealed record PlanStep(string Label, string Text);
