using UvShim.Arguments;
using UvShim.Output;
using UvShim.Planning;
using UvShim.Processes;

namespace UvShim.Merging;

/// <summary>
/// <c>uv pip show a b</c> where some are in the user site: those are shown from there (pip finds the
/// user copy first), the rest from the system, in uv's order (by name) with uv's <c>---</c> between.
/// </summary>
internal static class MergedShow
{
    public static Plan Plan(UvArguments arguments, IReadOnlyList<string> userInsert, IReadOnlySet<string> inUserSite, List<PlanStep> steps)
    {
        var asked = arguments.Positionals.Select(p => p.Value).ToList();
        var userNames = asked.Where(n => inUserSite.Contains(PackageName.Normalize(n))).ToList();
        var systemNames = asked.Where(n => !inUserSite.Contains(PackageName.Normalize(n))).ToList();
        var python = arguments.All("--python").ToList();
        var user = SlotList.WithPositionals(arguments, python, userInsert, userNames);
        if (userNames.Count == 0)
            return new Plan.HandOver(InstallPlanner.Identity(arguments), false, [], steps);
        if (systemNames.Count == 0)
            return new Plan.HandOver(user, true, [], steps);

        var system = SlotList.WithPositionals(arguments, [], [], systemNames);
        return new Plan.Compose([user, system], new Combination.MergedShow(), [], steps);
    }

    /// <summary>Prints the blocks of both runs in uv's order; uvshim's exit code.</summary>
    public static int Print(ChildResult userRun, ChildResult systemRun)
    {
        CapturedRuns.ForwardErrors(userRun, systemRun);
        var blocks = Blocks(userRun.OutputText).Concat(Blocks(systemRun.OutputText))
            .OrderBy(NameOf, StringComparer.Ordinal)
            .ToList();
        if (blocks.Count > 0)
            StdOut.Write(string.Join("---\n", blocks));
        // uv 0.12.5 crates/uv/src/commands/pip/show.rs: 1 when none of the packages was found, 0 when some were;
        // an error (2) from either run stands. Each run keeps the user's -q, which silences show's output but
        // not its exit code (it prints through printer.stdout(), printer.rs).
        if (userRun.ShellCode > 1 || systemRun.ShellCode > 1)
            return Math.Max(userRun.ShellCode, systemRun.ShellCode);
        return userRun.ShellCode == 0 || systemRun.ShellCode == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Blocks(string output)
    {
        var blocks = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line.TrimEnd('\r') == "---")
            {
                blocks.Add(current.ToString());
                current.Clear();
                continue;
            }
            if (line.Length > 0)
                current.Append(line).Append('\n');
        }
        if (current.Length > 0)
            blocks.Add(current.ToString());
        return blocks.Where(b => b.Length > 0);
    }

    private static string NameOf(string block)
    {
        var line = block.Split('\n').FirstOrDefault(l => l.StartsWith("Name: ", StringComparison.Ordinal));
        return line is null ? "" : PackageName.Normalize(line[6..].Trim());
    }
}
