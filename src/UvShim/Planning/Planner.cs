using UvShim.Arguments;

namespace UvShim.Planning;

/// <summary>Chooses the planner for an invocation; everything uvshim does not change is handed over as it came.</summary>
internal static class Planner
{
    public static Plan Plan(UvArguments arguments, InvocationContext context, Lazy<string> uv)
    {
        var kind = InvocationClassifier.Classify(arguments, context.Environment);
        if (kind == InvocationKind.PassThrough)
        {
            return new Plan.HandOver(InstallPlanner.Identity(arguments), false, [],
                [new("decision", PlanStep.HandedOver + "uvshim changes only pip install, sync, uninstall, list, freeze, show, and a project sync, run, add or remove that would sync into the user base or an unwritable prefix")]);
        }

        var (config, problem) = UvConfigLoader.Load(arguments, kind, context);
        if (config is null)
        {
            return new Plan.HandOver(InstallPlanner.Identity(arguments), false, [],
                [new("uv config", problem!), new("decision", PlanStep.HandedOver + "uv cannot read its configuration and will say why")]);
        }
        context = context with { UvConfig = config };

        var finder = PlannerFactory.Finder(context, uv);
        var plan = kind switch
        {
            InvocationKind.PipInstall or InvocationKind.PipSync => new InstallPlanner(finder).Plan(arguments, kind, context),
            InvocationKind.PipUninstall => new UninstallPlanner(finder).Plan(arguments, context),
            InvocationKind.ProjectSync or InvocationKind.ProjectRun or InvocationKind.ProjectAdd or InvocationKind.ProjectRemove =>
                new ProjectEnvironmentPlanner(finder).Plan(arguments, kind, context),
            _ => new InspectPlanner(finder).Plan(arguments, kind, context),
        };
        return config.Files.Count == 0 ? plan : plan with { Steps = [new("uv config", string.Join(", ", config.Files)), .. plan.Steps] };
    }
}
