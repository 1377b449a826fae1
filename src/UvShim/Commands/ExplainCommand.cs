using System.Text;
using UvShim.Arguments;
using UvShim.Execution;
using UvShim.Output;
using UvShim.Planning;
using UvShim.Settings;

namespace UvShim.Commands;

/// <summary><c>uvshim shim explain &lt;uv args…&gt;</c>: the decision and the exact commands; nothing is run but the probe.</summary>
internal static class ExplainCommand
{
    public static int Run(string[] uvArguments)
    {
        var env = EnvironmentSnapshot.Read();
        InvocationContext context;
        try
        {
            context = InvocationContextLoader.Load(env);
        }
        catch (SettingsException e)
        {
            StdErr.Line(e.Message);
            return 2;
        }

        var arguments = UvArguments.Parse(uvArguments);
        var uv = new Lazy<string>(() => UvLocator.Find(context.Settings.UvPath, env, Environment.ProcessPath));

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

        switch (plan)
        {
            case Plan.Refuse refuse:
                Row("would print", refuse.Message.Split('\n')[0]);
                Row("would exit", "2, running nothing");
                break;
            case Plan.HandOver handOver:
                foreach (var note in handOver.Notes)
                    Row("note", note);
                var finalArguments = handOver.Arguments.Select(s => s.OriginalIndex >= 0 ? uvArguments[s.OriginalIndex] : s.Text);
                Row("would run", ShellQuote.Join([uvPath, .. finalArguments]));
                break;
            case Plan.Compose compose:
                foreach (var note in compose.Notes)
                    Row("note", note);
                foreach (var run in compose.Runs)
                    Row("would run", ShellQuote.Join([uvPath, .. run.Select(s => s.OriginalIndex >= 0 ? uvArguments[s.OriginalIndex] : s.Text)]));
                break;
            case Plan.Chain chain:
                foreach (var note in chain.Notes)
                    Row("note", note);
                string Shown(ChildRun run) => ShellQuote.Join([uvPath, .. run.Shown(s => s.OriginalIndex >= 0 ? uvArguments[s.OriginalIndex] : s.Text)]);
                foreach (var run in chain.Runs)
                    Row("would run", Shown(run));
                if (chain.Constraints.Count > 0)
                    Row("constraints", string.Join(", ", chain.Constraints));
                if (chain.Retry is { } retry)
                    Row("if it exits 1", $"{Shown(retry.Check)} (output dropped); if that succeeds, {Shown(retry.Run)}");
                if (chain.Scripts is { } scripts)
                    Row("then", $"name the console scripts the install put in {scripts.ScriptsDirectory}, as pip does");
                if (chain.Then is { } then)
                    Row("then run", ShellQuote.Join([uvPath, .. then.Select(s => s.OriginalIndex >= 0 ? uvArguments[s.OriginalIndex] : s.Text)]));
                break;
        }

        StdOut.Write(text.ToString());
        return 0;
    }
}
