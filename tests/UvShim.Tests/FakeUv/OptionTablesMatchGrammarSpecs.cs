using System.Runtime.Versioning;
using UvShim.Arguments;
using UvShim.FakeUv.Grammar;

namespace UvShim.Tests.FakeUv;

/// <summary>
/// uvshim's own option tables (src/UvShim/Arguments) against uv 0.12.5's grammar: for every parse context the
/// product has a table for, the same long names, aliases, short letters and value/flag shape, apart from the
/// product's documented extensions.
/// </summary>
[SupportedOSPlatform("linux")]
public class OptionTablesMatchGrammarSpecs
{
    /// <summary>Options a table has on purpose although uv's command does not, and why.</summary>
    private static readonly Dictionary<(string Context, string Option), string> ProductExtensions = new()
    {
        // uvshim implements pip's --user for these (README "Beyond install"); uv has no --user there.
        { ("PipUninstall", "--user"), "uvshim removes user-site packages itself" },
        { ("PipList", "--user"), "uvshim lists the user site itself" },
        { ("PipFreeze", "--user"), "uvshim lists the user site itself" },
        { ("PipShow", "--user"), "uvshim shows the user site itself" },
    };

    public static TheoryData<string> Contexts => new()
    {
        "TopLevel", "PipNamespace", "PipInstall", "PipSync", "PipUninstall", "PipList", "PipFreeze", "PipShow", "Sync", "Export",
        "Run", "Add", "Remove",
    };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_table_has_the_options_of_its_uv_command_with_the_same_names_letters_and_shape(string context)
    {
        var (table, command) = Context(context);
        var mismatches = new List<string>();

        var grammarOptions = command.Args.Where(a => !a.IsPositional).ToList();
        foreach (var arg in grammarOptions)
        {
            var name = "--" + arg.Long;
            var spec = table.FindLong(name);
            if (spec is null || spec.Name != name)
            {
                mismatches.Add($"{name}: missing from the table{(spec is null ? "" : $" (found as an alias of {spec.Name})")}");
                continue;
            }
            // uv 0.12.5 declares `--config-settings-package` with itself as alias (InstallerArgs, ResolverArgs, …): no new spelling.
            var expectedAliases = arg.Aliases.Where(a => a != arg.Long).Select(a => "--" + a).Order(StringComparer.Ordinal);
            if (!expectedAliases.SequenceEqual(spec.Aliases.Order(StringComparer.Ordinal)))
            {
                mismatches.Add($"{name}: aliases [{string.Join(", ", spec.Aliases)}], uv has [{string.Join(", ", expectedAliases)}]");
            }
            if (spec.Short != arg.Short || arg.ShortAliases.Count > 0)
            {
                mismatches.Add($"{name}: short {Letter(spec.Short)}, uv has {Letter(arg.Short)}{(arg.ShortAliases.Count > 0 ? $" and aliases {string.Join("", arg.ShortAliases)}" : "")}");
            }
            if (spec.TakesValue != arg.TakesValue)
            {
                mismatches.Add($"{name}: {(spec.TakesValue ? "takes a value" : "is a flag")}, uv's {(arg.TakesValue ? "takes a value" : "is a flag")}");
            }
        }
        foreach (var spec in table.Specs)
        {
            if (command.FindLong(spec.Name[2..]) is { } arg && "--" + arg.Long == spec.Name)
            {
                continue;
            }
            if (ProductExtensions.ContainsKey((context, spec.Name)))
            {
                continue;
            }
            mismatches.Add($"{spec.Name}: in the table, not an option of uv {command.BinName[3..]}");
        }

        Assert.True(mismatches.Count == 0, $"{context} ({command.BinName}):\n" + string.Join('\n', mismatches));
    }

    [Fact]
    public void Every_table_of_the_product_is_compared()
    {
        var tables = typeof(UvOptionTables).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(OptionTable))
            .Select(p => p.Name);

        Assert.Equal(tables.Order(StringComparer.Ordinal), ((IEnumerable<object[]>)Contexts).Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_global_options_are_the_globals_of_uv_and_of_uv_pip()
    {
        var pip = Command("pip");

        Assert.Equal(
            UvGrammar.Root.Args.Where(a => a.IsGlobal).Select(a => "--" + a.Long).Order(StringComparer.Ordinal),
            GlobalOptions.All.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            UvGrammar.Root.Args.Where(a => !a.IsGlobal).Select(a => "--" + a.Long).Order(StringComparer.Ordinal),
            GlobalOptions.TopLevelOnly.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            pip.Args.Where(a => a.IsGlobal && UvGrammar.Root.Find(a.Id) is null).Select(a => "--" + a.Long).Order(StringComparer.Ordinal),
            GlobalOptions.PipNamespace.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_subcommand_name_and_alias_resolves_to_uvs_name()
    {
        foreach (var command in UvGrammar.Root.Subcommands)
        {
            foreach (var name in command.Aliases.Prepend(command.Name))
            {
                Assert.True(UvCommands.ResolveTopLevel(name) == command.Name, $"uv {name}");
            }
        }
        foreach (var command in Command("pip").Subcommands)
        {
            foreach (var name in command.Aliases.Prepend(command.Name))
            {
                Assert.True(UvCommands.ResolvePip(name) == command.Name, $"uv pip {name}");
            }
        }
    }

    [Theory]
    [InlineData("TopLevel")]
    [InlineData("Pip")]
    public void Every_subcommand_word_uvshim_knows_is_a_name_or_alias_of_uv(string level)
    {
        // The product's own table (private): read it rather than duplicate it.
        var field = typeof(UvCommands).GetField(level, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var words = ((Dictionary<string, string>)field.GetValue(null)!).Keys;
        var commands = level == "Pip" ? Command("pip").Subcommands : UvGrammar.Root.Subcommands;

        Assert.All(words, word => Assert.Contains(commands, c => c.Name == word || c.Aliases.Contains(word)));
    }

    [Fact]
    public void Every_documented_extension_is_still_an_extension()
    {
        foreach (var ((context, option), reason) in ProductExtensions)
        {
            var (table, command) = Context(context);

            Assert.True(table.FindLong(option) is not null, $"{context} no longer has {option} ({reason})");
            Assert.True(command.FindLong(option[2..]) is null, $"uv {command.BinName[3..]} has {option} now ({reason})");
        }
    }

    private static string Letter(char? letter) => letter is { } c ? $"-{c}" : "none";

    private static (OptionTable Table, ClapCommand Command) Context(string name) => name switch
    {
        "TopLevel" => (UvOptionTables.TopLevel, UvGrammar.Root),
        "PipNamespace" => (UvOptionTables.PipNamespace, Command("pip")),
        "PipInstall" => (UvOptionTables.PipInstall, Command("pip", "install")),
        "PipSync" => (UvOptionTables.PipSync, Command("pip", "sync")),
        "PipUninstall" => (UvOptionTables.PipUninstall, Command("pip", "uninstall")),
        "PipList" => (UvOptionTables.PipList, Command("pip", "list")),
        "PipFreeze" => (UvOptionTables.PipFreeze, Command("pip", "freeze")),
        "PipShow" => (UvOptionTables.PipShow, Command("pip", "show")),
        "Sync" => (UvOptionTables.Sync, Command("sync")),
        "Export" => (UvOptionTables.Export, Command("export")),
        "Run" => (UvOptionTables.Run, Command("run")),
        "Add" => (UvOptionTables.Add, Command("add")),
        "Remove" => (UvOptionTables.Remove, Command("remove")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such parse context"),
    };

    private static ClapCommand Command(params string[] path) =>
        path.Aggregate(UvGrammar.Root, (command, name) => command.FindSubcommand(name) ?? throw new InvalidOperationException($"uv has no {name} below {command.BinName}"));
}
