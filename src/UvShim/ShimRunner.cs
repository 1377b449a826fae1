using UvShim.Arguments;
using UvShim.Execution;
using UvShim.Native;
using UvShim.Output;
using UvShim.Planning;

namespace UvShim;

/// <summary>One uv invocation: read the environment, plan, print notes, hand over.</summary>
internal static class ShimRunner
{
    public static int Run(string[] args)
    {
        if (Invocation.Start() is not { } invocation)
            return 2;
        var (context, uv) = invocation;
        var env = context.Environment;
        var arguments = UvArguments.Parse(args);
        Plan plan;
        UvInvoker invoker;
        try
        {
            plan = Planner.Plan(arguments, context, uv);
            foreach (var step in plan.Steps)
                ShimLog.Debug("{Label}: {Text}", step.Label, step.Text);
            if (plan is Plan.Refuse refuse)
            {
                StdErr.Line(refuse.Message);
                return 2;
            }
            invoker = new UvInvoker(uv.Value, RawArgv.Read(args), LoopGuardMarkers.ForUv(env).ToList());
        }
        catch (UvNotFoundException e)
        {
            StdErr.Line(e.Message);
            return 2;
        }

        var notes = plan switch
        {
            Plan.HandOver handOver => handOver.Notes,
            Plan.Compose compose => compose.Notes,
            Plan.Chain chain => chain.Notes,
            _ => [],
        };
        if (!arguments.Has("--quiet"))
        {
            foreach (var note in notes)
                StdErr.Line(note);
        }

        ShimLog.Debug("handing over to {Uv}", invoker.UvPath);
        return plan switch
        {
            Plan.HandOver handOver => invoker.Exec(handOver.Arguments),
            Plan.Compose compose => ComposeRunner.Run(compose, invoker),
            Plan.Chain chain => ChainRunner.Run(chain, invoker),
            _ => throw new InvalidOperationException("unknown plan"),
        };
    }
}
