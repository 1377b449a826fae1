using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using UvShim.FakeUv.Grammar;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Conformance;

/// <summary>
/// With a real uv (<c>UVSHIM_TEST_UV</c>): the options its <c>--help</c> lists for each command uvshim touches are the
/// visible options of the grammar the fake and these tests use. A difference names what is new or gone, so the grammar
/// (scripts/uv-grammar.py on that uv's tag) and uvshim's option tables can follow.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class GrammarDriftSpecs
{
    public static TheoryData<string> Commands => ["pip install", "pip sync", "pip uninstall", "pip list", "pip freeze", "pip show", "sync", "export", "run", "add", "remove", "python find"];

    [RealUvTheory]
    [MemberData(nameof(Commands))]
    public void The_given_uv_lists_the_options_of_the_grammar(string command)
    {
        // Arrange
        var path = command.Split(' ');
        var leaf = UvGrammar.Root;
        foreach (var word in path)
            leaf = leaf.FindSubcommand(word)!;
        var expected = Visible(leaf);

        // Act
        var start = new ProcessStartInfo(ShimProcessRunner.RealUv!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in path.Append("--help"))
            start.ArgumentList.Add(word);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var help = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var listed = OptionLine().Matches(help).Select(m => m.Groups["long"].Value).ToHashSet();

        // Assert
        var added = listed.Except(expected).Order().ToList();
        var gone = expected.Except(listed).Order().ToList();
        Assert.True(added.Count == 0 && gone.Count == 0,
            $"uv {command}: new in the given uv: {string.Join(", ", added)}; gone from it: {string.Join(", ", gone)}");
    }

    // The options clap's help shows: the command's own and the globals above it, unless hidden.
    private static HashSet<string> Visible(ClapCommand leaf)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var level = leaf; level is not null; level = level.Parent)
        {
            foreach (var arg in level.Args.Where(a => (level == leaf || a.IsGlobal) && !a.IsHidden && a.Long is not null))
                names.Add(arg.Long!);
        }
        return names;
    }

    // "  -p, --python <PYTHON>" or "      --system": a long option at the start of a help line.
    [GeneratedRegex(@"^\s{2,}(?:-\S, )?--(?<long>[a-z0-9][a-z0-9-]*)", RegexOptions.Multiline)]
    private static partial Regex OptionLine();
}
