using System.Globalization;
using UvShim.Arguments;
using Xunit.Sdk;

namespace UvShim.Tests.Arguments;

/// <summary>
/// Property checks over seeded random command lines. A failure names its seed; set UVSHIM_ARGS_SEED
/// to that seed to replay just that line.
/// </summary>
public class RandomCommandLineSpecs
{
    private const int LineCount = 4000;
    private const int BaseSeed = 20_260_821;

    private static readonly string[] Words =
    [
        "pip", "install", "sync", "uninstall", "list", "ls", "freeze", "show", "compile", "export", "run", "help",
        "venv", "v", "tool", "requests", "flask==3.0", "req.txt", "3.12", "/usr/bin/python3", ".",
    ];

    private static readonly string[] Oddities =
    [
        "", "-", "--", "---", "--=x", "=", "-=", "-=x", "-\uFFFD", "\uFFFD", "😀", "-😀", "-q😀", "--😀=1", "\uD800", "-\uD800",
        "-1", "--help=x", "-h", "-V", "--version", "-q=1", "--x=", "a=b", "--generate-shell-completion", "pâckage", " ",
    ];

    private const string ValueChars = "abcxyz019.=-/:@ü\uFFFD";

    private static readonly string[] LongSpellings = AllSpecs().SelectMany(s => s.Aliases.Prepend(s.Name)).Distinct().ToArray();

    private static readonly char[] ShortLetters = AllSpecs().Where(s => s.Short is not null).Select(s => s.Short!.Value).Distinct().ToArray();

    [Fact]
    public void Parsing_never_throws_and_an_unedited_build_is_the_identity()
    {
        ForEachLine((_, tokens) =>
        {
            var args = UvArguments.Parse(tokens);

            Assert.Equal(tokens.Select((t, i) => new ArgumentSlot(i, t)), args.Edit().Build());
            Assert.Equal(tokens, args.Original);
        });
    }

    [Fact]
    public void Every_token_is_accounted_for_exactly_once()
    {
        ForEachLine((_, tokens) =>
        {
            var args = UvArguments.Parse(tokens);
            var claims = new int[tokens.Length];
            foreach (var index in args.Options.Select(o => o.TokenIndex).Distinct())
            {
                claims[index]++;
            }

            foreach (var option in args.Options.Where(o => o.ValueTokenIndex is not null))
            {
                Assert.Equal(option.TokenIndex + 1, option.ValueTokenIndex);
                Assert.Equal(tokens[option.TokenIndex + 1], option.Value);
                claims[option.TokenIndex + 1]++;
            }

            foreach (var positional in args.Positionals)
            {
                Assert.Equal(tokens[positional.TokenIndex], positional.Value);
                Assert.Equal(args.DoubleDashIndex >= 0 && positional.TokenIndex > args.DoubleDashIndex, positional.AfterDoubleDash);
                claims[positional.TokenIndex]++;
            }

            if (args.DoubleDashIndex >= 0)
            {
                Assert.Equal("--", tokens[args.DoubleDashIndex]);
                claims[args.DoubleDashIndex]++;
            }

            for (var i = args.IsOpaque ? args.OpaqueStartIndex : tokens.Length; i < tokens.Length; i++)
            {
                claims[i]++;
            }

            // What is left are the command path's tokens, the last of them at CommandTokenIndex.
            Assert.All(claims, c => Assert.InRange(c, 0, 1));
            var unclaimed = Enumerable.Range(0, tokens.Length).Where(i => claims[i] == 0).ToList();
            Assert.Equal(args.Command.Count, unclaimed.Count);
            Assert.Equal(unclaimed.Count == 0 ? -1 : unclaimed[^1], args.CommandTokenIndex);
        });
    }

    [Fact]
    public void Removing_an_option_changes_only_its_tokens()
    {
        ForEachLine((random, tokens) =>
        {
            var args = UvArguments.Parse(tokens);
            if (args.Options.Count == 0)
            {
                return;
            }

            var option = args.Options[random.Next(args.Options.Count)];
            var slots = args.Edit().Remove(option).Build();

            AssertOnlyTouched(args, option, slots);
            if (!RemovalMayChangeNeighbours(args, option))
            {
                var expected = args.Options.Where(o => o != option).Select(Meaning);
                AssertSameMeaning(args, expected, UvArguments.Parse(Line.Texts(slots)));
            }
        });
    }

    [Fact]
    public void Replacing_a_value_changes_only_its_tokens()
    {
        string[] values = ["/usr/bin/python3", "", "-", "--", "-x", "--y", "=", "=x", "a=b", "pip", "ü😀", "\uFFFD"];
        ForEachLine((random, tokens) =>
        {
            var args = UvArguments.Parse(tokens);
            var candidates = args.Options.Where(o => o.TakesValue || o.Value is not null).ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            var option = candidates[random.Next(candidates.Count)];
            var value = values[random.Next(values.Length)];
            var slots = args.Edit().ReplaceValue(option, value).Build();

            AssertOnlyTouched(args, option, slots);
            var expected = args.Options.Select(o => o == option ? (o.Name, value, o.IsKnown) : Meaning(o));
            AssertSameMeaning(args, expected, UvArguments.Parse(Line.Texts(slots)));
        });
    }

    private static (string Name, string? Value, bool IsKnown) Meaning(UvOption option) => (option.Name, option.Value, option.IsKnown);

    /// <summary>Original tokens other than the option's own stay, in order; at most its two tokens are new.</summary>
    private static void AssertOnlyTouched(UvArguments args, UvOption option, IReadOnlyList<ArgumentSlot> slots)
    {
        var own = new HashSet<int> { option.TokenIndex };
        if (option.ValueTokenIndex is { } valueIndex)
        {
            own.Add(valueIndex);
        }

        var kept = slots.Where(s => s.IsOriginal).Select(s => s.OriginalIndex).ToList();
        Assert.Equal(kept.Order(), kept);
        Assert.Equal(kept.Distinct().Count(), kept.Count);
        Assert.Empty(Enumerable.Range(0, args.Original.Count).Where(i => !own.Contains(i)).Except(kept));
        Assert.All(slots.Where(s => s.IsOriginal), s => Assert.Equal(args.Original[s.OriginalIndex], s.Text));
        Assert.InRange(slots.Count(s => !s.IsOriginal), 0, 2);
    }

    private static void AssertSameMeaning(
        UvArguments before, IEnumerable<(string Name, string? Value, bool IsKnown)> expectedOptions, UvArguments after)
    {
        Assert.Equal(before.Command, after.Command);
        Assert.Equal(expectedOptions, after.Options.Select(Meaning));
        Assert.Equal(before.Positionals.Select(p => (p.Value, p.AfterDoubleDash)), after.Positionals.Select(p => (p.Value, p.AfterDoubleDash)));
        Assert.Equal(before.OpaqueTokens, after.OpaqueTokens);
    }

    /// <summary>
    /// The documented limits of Remove: the next token can become the value of a preceding option whose
    /// value was missing, and a bundle like <c>-q-x</c> (an unknown <c>-</c> letter) turns into a long option.
    /// </summary>
    private static bool RemovalMayChangeNeighbours(UvArguments args, UvOption option)
    {
        var token = args.Original[option.TokenIndex];
        return args.Options.Any(o => o.TokenIndex == option.TokenIndex - 1 && o.IsValueMissing)
            || (option.IsBundled && option.ShortOffset == 1 && token[2] == '-');
    }

    private static void ForEachLine(Action<Random, string[]> check)
    {
        var replay = Environment.GetEnvironmentVariable("UVSHIM_ARGS_SEED");
        var seeds = replay is null
            ? Enumerable.Range(BaseSeed, LineCount)
            : [int.Parse(replay, CultureInfo.InvariantCulture)];
        foreach (var seed in seeds)
        {
            var random = new Random(seed);
            var tokens = RandomLine(random);
            try
            {
                check(random, tokens);
            }
            catch (Exception e)
            {
                var shown = string.Join(", ", tokens.Select(t => $"\"{t}\""));
                throw new XunitException($"Seed {seed} (replay with UVSHIM_ARGS_SEED={seed}): [{shown}]{Environment.NewLine}{e}");
            }
        }
    }

    private static string[] RandomLine(Random random)
    {
        var tokens = new List<string>();
        if (random.Next(10) < 7)
        {
            tokens.Add("pip");
            tokens.Add(Pick(random, ["install", "install", "sync", "uninstall", "list", "ls", "freeze", "show", "compile"]));
        }
        else if (random.Next(2) == 0)
        {
            tokens.Add(Pick(random, ["sync", "export", "run", "venv", "help"]));
        }

        var count = random.Next(13);
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(4) == 0 ? random.Next(tokens.Count + 1) : tokens.Count;
            tokens.Insert(at, RandomToken(random));
        }

        return [.. tokens];
    }

    private static string RandomToken(Random random) => random.Next(9) switch
    {
        0 => Pick(random, Words),
        1 => Pick(random, Oddities),
        2 or 3 => Pick(random, LongSpellings),
        4 => Pick(random, LongSpellings) + "=" + RandomValue(random),
        5 => "-" + ShortLetters[random.Next(ShortLetters.Length)],
        6 => "-" + new string([.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => ShortLetters[random.Next(ShortLetters.Length)])])
            + (random.Next(3) == 0 ? RandomValue(random) : ""),
        7 => "-" + ShortLetters[random.Next(ShortLetters.Length)] + (random.Next(2) == 0 ? "=" : "") + RandomValue(random),
        _ => RandomValue(random),
    };

    private static string RandomValue(Random random) => random.Next(4) switch
    {
        0 => Pick(random, Words),
        1 => Pick(random, Oddities),
        _ => new string([.. Enumerable.Range(0, random.Next(6)).Select(_ => ValueChars[random.Next(ValueChars.Length)])]),
    };

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static IEnumerable<OptionSpec> AllSpecs() =>
        new[]
        {
            UvOptionTables.TopLevel, UvOptionTables.PipNamespace, UvOptionTables.PipInstall, UvOptionTables.PipSync,
            UvOptionTables.PipUninstall, UvOptionTables.PipList, UvOptionTables.PipFreeze, UvOptionTables.PipShow,
            UvOptionTables.Sync, UvOptionTables.Export,
        }.SelectMany(t => t.Specs);
}
