using System.Runtime.Versioning;
using UvShim.FakeUv;
using UvShim.FakeUv.Grammar;

namespace UvShim.Tests.Conformance;

/// <summary>
/// Command lines from uv's own grammar: a command uvshim touches, a few of its options (its own and the globals that
/// reach it) with values of the right shape, and positionals that name things the test environment has. Only lines
/// the strict parser accepts are returned, so each one is a line uv alone would take.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class GrammarLineGenerator(Random random, LineValues values)
{
    /// <summary>The commands uvshim plans for, and two it hands over as they are.</summary>
    public static readonly IReadOnlyList<string[]> Commands =
    [
        ["pip", "install"], ["pip", "sync"], ["pip", "uninstall"], ["pip", "list"], ["pip", "freeze"], ["pip", "show"],
        ["sync"], ["run"], ["add"], ["remove"], ["export"], ["lock"],
    ];

    // Options whose random values would only test uv's network or the fake's limits, or that end parsing early.
    private static readonly HashSet<string> Avoided =
    [
        "help", "version", "directory", "project", "config_file", "cache_dir", "editable", "script", "with_editable",
        "with_requirements", "index_url", "extra_index_url", "default_index", "index", "find_links", "keyring_provider",
        "python_platform", "python_version", "exclude_newer", "exclude_newer_package", "torch_backend", "color",
        "allow_insecure_host", "preview_features", "cert", "client_cert", "env_file", "gui_script", "module", "format",
        "output_file", "package", "all_packages", "rev", "tag", "branch", "marker", "with", "config", "pip_args",
        "python_executable", "max_recursion_depth", "upgrade_group", "group", "only_group", "optional", "bounds",
    ];

    /// <summary>A line uv's grammar accepts for <paramref name="command"/>, or null after too many rejected tries.</summary>
    public IReadOnlyList<string>? Next(string[] command, Func<string, string?> environment, out int rejected)
    {
        rejected = 0;
        var leaf = Resolve(command);
        var candidates = Reachable(leaf).Where(a => !a.IsPositional && !Avoided.Contains(a.Id) && a.Action is not (ClapAction.Help or ClapAction.HelpShort or ClapAction.Version)).ToList();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var line = new List<string>(command);
            var count = random.Next(0, 4);
            for (var i = 0; i < count; i++)
                AddOption(line, candidates[random.Next(candidates.Count)]);
            line.AddRange(values.Positionals(command, random));
            try
            {
                UvParser.Parse(UvGrammar.Root, line, environment);
                return line;
            }
            catch (Exception e) when (e is ClapError or UvError)
            {
                rejected++;
            }
        }
        return null;
    }

    private void AddOption(List<string> line, ClapArg arg)
    {
        var spelling = arg.Long is { } name ? "--" + name : "-" + arg.Short;
        if (!arg.TakesValue)
        {
            line.Add(spelling);
            return;
        }
        var value = arg.PossibleValues is { Count: > 0 } possible ? possible[random.Next(possible.Count)] : values.ValueFor(arg.Id, random);
        // Both spellings clap reads: `--opt value` and `--opt=value`.
        if (random.Next(2) == 0)
            line.AddRange([spelling, value]);
        else
            line.Add(spelling + "=" + value);
    }

    private static ClapCommand Resolve(string[] path)
    {
        var command = UvGrammar.Root;
        foreach (var word in path)
            command = command.FindSubcommand(word) ?? throw new InvalidOperationException($"uv has no command {string.Join(' ', path)}");
        return command;
    }

    // The command's own args and the globals declared above it.
    private static IEnumerable<ClapArg> Reachable(ClapCommand leaf)
    {
        var seen = new HashSet<string>();
        for (var level = leaf; level is not null; level = level.Parent)
        {
            foreach (var arg in level.Args)
            {
                if ((level == leaf || arg.IsGlobal) && seen.Add(arg.Id))
                    yield return arg;
            }
        }
    }
}
