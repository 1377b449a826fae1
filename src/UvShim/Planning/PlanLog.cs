using UvShim.Arguments;

namespace UvShim.Planning;

/// <summary>The steps of one plan as they are taken, and the endings every planner shares.</summary>
internal sealed class PlanLog(UvArguments arguments)
{
    public List<PlanStep> Steps { get; } = [];

    public void Add(string label, string text) => Steps.Add(new(label, text));

    public Plan Unchanged(string why, string? note = null)
    {
        Add("decision", PlanStep.HandedOver + why);
        return new Plan.HandOver(InstallPlanner.Identity(arguments), false, note is null ? [] : [note], Steps);
    }

    public Plan Refuse(string message)
    {
        Add("decision", "refuse (exit 2)");
        return new Plan.Refuse(message, Steps);
    }

    /// <summary>The target found, or the plan that ends here when there is none.</summary>
    public (Target? Target, Plan? Ending) Target(TargetOutcome outcome) =>
        outcome switch
        {
            TargetOutcome.Found found => (found.Target, null),
            TargetOutcome.Refuse refuse => (null, Refuse(refuse.Message)),
            TargetOutcome.Unchanged unchanged => (null, Unchanged(unchanged.Reason)),
            _ => throw new InvalidOperationException("unknown target outcome"),
        };
}
