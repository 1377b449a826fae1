using UvShim.Arguments;
using UvShim.HandOver;
using UvShim.Output;
using UvShim.Planning;
using UvShim.Python;
using UvShim.Settings;

namespace UvShim;

/// <summary>One uv invocation: read the environment, plan, print notes, hand over.</summary>
internal static class ShimRunner
{
    public static int Run(string[] args)
    {
        var env = EnvironmentSnapshot.Read();
        if (env.TryGetValue(UvProcess.ExecMarker, out var pid) && pid == Environment.ProcessId.ToString())
        {
            StdErr.Line("uvshim was handed over to itself: the uv it found is uvshim again. Set UVSHIM_UV to the real uv.");
            return 2;
        }

        InvocationContext context;
        try
        {
            context = new InvocationContext(env, Directory.GetCurrentDirectory(), SettingsLoader.Load(env));
        }
        catch (SettingsException e)
        {
            StdErr.Line(e.Message);
            return 2;
        }
        ShimLog.Configure(context.Settings.LogLevel, context.Settings.LogFile);

        var arguments = UvArguments.Parse(args);
        var kind = InvocationClassifier.Classify(arguments);
        var uv = new Lazy<string>(() => UvLocator.Find(context.Settings.UvPath, env, Environment.ProcessPath));

        Plan plan;
        try
        {
            plan = kind == InvocationKind.PassThrough
                ? new Plan.HandOver(InstallPlanner.Identity(arguments), false, [], [])
                : PlannerFactory.Create(context, uv).PlanAsync(arguments, kind, context).GetAwaiter().GetResult();
        }
        catch (UvNotFoundException e)
        {
            StdErr.Line(e.Message);
            return 2;
        }

        foreach (var step in plan.Steps)
            ShimLog.Debug("{Label}: {Text}", step.Label, step.Text);

        if (plan is Plan.Refuse refuse)
        {
            StdErr.Line(refuse.Message);
            return 2;
        }

        var handOver = (Plan.HandOver)plan;
        string uvPath;
        try
        {
            uvPath = uv.Value;
        }
        catch (UvNotFoundException e)
        {
            StdErr.Line(e.Message);
            return 2;
        }

        if (!arguments.Has("--quiet"))
        {
            foreach (var note in handOver.Notes)
                StdErr.Line(note);
        }
        ShimLog.Debug("handing over to {Uv}", uvPath);
        return UvProcess.HandOver(uvPath, handOver.Arguments, RawArgv.Read(args), args);
    }
}
