using System.Text;
using UvShim.Arguments;
using UvShim.Execution;
using UvShim.Output;
using UvShim.Planning;

namespace UvShim.Commands;

/// <summary><c>uvshim shim explain &lt;uv args…&gt;</c>: the decision and the exact commands; nothing is run but the probe.</summary>
internal static class ExplainCommand
{
    public static int Run(string[] uvArguments)
    {
        if (Invocation.Start() is not { } invocation)
            return 2;
        var (context, uv) = invocation;
        var arguments = UvArguments.Parse(uvArguments);

        var text = new StringBuilder();
        void Row(string label, string value) => text.Append($"{label + ":",-15}{value}\n");

        Row("uv arguments", ShellQuote.Join(uvArguments));
        Row("command", arguments.Command.Count == 0 ? "(none)" : string.Join(' ', arguments.Command));
        Row("mode", context.Settings.Mode.ToString().ToLowerInvariant());

        Plan plan;
        try
        {
            plan = Planner.Plan(arguments, context, uv);
        }
        catch (UvNotFoundException e)
        {
            StdErr.Line(e.Message);
            return 2;
        }

        foreach (var step in plan.Steps)
            Row(step.Label, step.Text);

        string uvPath;
        try
        {
            uvPath = uv.Value;
        }
        catch (UvNotFoundException e)
        {
            uvPath = "uv";
            Row("uv", "not found: " + e.Message);
        }

        foreach (var row in PlanRows.Results(plan, uvPath, uvArguments))
            Row(row.Label, row.Text);

        StdOut.Write(text.ToString());
        return 0;
    }
}
