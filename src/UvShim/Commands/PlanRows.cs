using UvShim.Arguments;
using UvShim.Output;
using UvShim.Planning;

namespace UvShim.Commands;

/// <summary>A plan as <c>shim explain</c> and <c>shim doctor</c> show it, after its steps: what uvshim would print and run.</summary>
internal static class PlanRows
{
    /// <summary>The rows <c>note</c>, <c>would run</c>, <c>would print</c>, <c>would exit</c> and the chain's others.</summary>
    /// <param name="uvArguments">The uv command line planned, for the tokens the plan keeps as they were typed.</param>
    public static IReadOnlyList<PlanStep> Results(Plan plan, string uvPath, IReadOnlyList<string> uvArguments)
    {
        var rows = new List<PlanStep>();
        void Row(string label, string value) => rows.Add(new(label, value));
        string Original(ArgumentSlot s) => s.OriginalIndex >= 0 ? uvArguments[s.OriginalIndex] : s.Text;

        switch (plan)
        {
            case Plan.Refuse refuse:
                Row("would print", refuse.Message.Split('\n')[0]);
                Row("would exit", "2, running nothing");
                break;
            case Plan.HandOver handOver:
                foreach (var note in handOver.Notes)
                    Row("note", note);
                Row("would run", ShellQuote.Join([uvPath, .. handOver.Arguments.Select(Original)]));
                break;
            case Plan.Compose compose:
                foreach (var note in compose.Notes)
                    Row("note", note);
                foreach (var run in compose.Runs)
                    Row("would run", ShellQuote.Join([uvPath, .. run.Select(Original)]));
                break;
            case Plan.Chain chain:
                foreach (var note in chain.Notes)
                    Row("note", note);
                string Shown(ChildRun run) => ShellQuote.Join([uvPath, .. run.Shown(Original)]);
                foreach (var run in chain.Runs)
                    Row("would run", Shown(run));
                if (chain.Constraints.Count > 0)
                    Row("constraints", string.Join(", ", chain.Constraints));
                if (chain.Retry is { } retry)
                    Row("if it exits 1", $"{Shown(retry.Check)} (output dropped); if that succeeds, {Shown(retry.Run)}");
                if (chain.Scripts is { } scripts)
                    Row("then", $"name the console scripts the install put in {scripts.ScriptsDirectory}, as pip does");
                if (chain.Then is { } then)
                    Row("then run", ShellQuote.Join([uvPath, .. then.Select(Original)]));
                break;
        }
        return rows;
    }
}
