namespace UvShim.FakeUv.Grammar;

/// <summary>
/// One command level as clap builds it before parsing (clap_builder/src/builder/command.rs <c>_build_self</c>):
/// its own args in declaration order, then every <c>global</c> arg of the levels above that it does not declare
/// itself (<c>_propagate_global_args</c> skips an id the subcommand already has); groups filled from the args'
/// <c>group</c> settings; the key map in clap's order (per arg: short, long, short aliases, long aliases), which
/// decides lookups and the order of suggestions. Command settings the parser does not model make the grammar fail to
/// load (<see cref="SupportedSettings"/>); uv 0.12.5 sets only the three that disable clap's help and version.
/// </summary>
internal sealed class ClapCommand
{
    private readonly List<(string Key, ClapArg Arg)> _longs = [];
    private readonly List<(char Key, ClapArg Arg)> _shorts = [];
    private readonly Dictionary<int, ClapArg> _positionals = [];

    /// <summary>Settings that may be true: the disabled help/version (uv declares its own), and the two the parser honours.</summary>
    private static readonly HashSet<string> SupportedSettings =
    [
        "disableHelpFlag", "disableVersionFlag", "disableHelpSubcommand", "propagateVersion", "argsOverrideSelf", "subcommandNegatesReqs",
    ];

    private ClapCommand(GrammarCommand command, IEnumerable<SubcommandStub> subcommands, ClapCommand? parent)
    {
        Name = command.Name;
        Aliases = command.Aliases;
        Parent = parent;
        BinName = parent is null ? command.Name : $"{parent.BinName} {command.Name}";
        Hidden = command.Hidden;
        SubcommandRequired = command.SubcommandRequired;
        ArgRequiredElseHelp = command.ArgRequiredElseHelp;
        ArgsOverrideSelf = command.Settings.GetValueOrDefault("argsOverrideSelf");
        SubcommandNegatesRequirements = command.Settings.GetValueOrDefault("subcommandNegatesReqs");
        if (command.Settings.FirstOrDefault(s => s.Value && !SupportedSettings.Contains(s.Key)) is { Key: { } unsupported })
        {
            throw new NotSupportedException($"grammar: command `{command.Name}` sets {unsupported}, which the fake does not model");
        }
        ExternalSubcommand = command.ExternalSubcommand;
        ArgsConflictsWithSubcommands = command.ArgsConflictsWithSubcommands;
        RustType = command.RustType;

        var positionalCounter = 1;
        foreach (var arg in command.Args)
        {
            int? index = arg.Positional ? arg.Index ?? positionalCounter : null;
            if (arg.Positional)
            {
                positionalCounter = Math.Max(positionalCounter, index!.Value) + 1;
            }
            Args.Add(new ClapArg(arg, index));
        }
        if (parent is not null)
        {
            foreach (var global in parent.Args.Where(a => a.IsGlobal && Find(a.Id) is null))
            {
                Args.Add(global);
            }
        }

        foreach (var group in command.Groups)
        {
            var built = new ClapGroup(group.Id, group.Required, group.Multiple, group.ConflictsWith, group.Requires);
            built.Args.AddRange(group.Args);
            Groups.Add(built);
        }
        foreach (var arg in Args)
        {
            foreach (var groupId in arg.Groups)
            {
                var group = FindGroup(groupId);
                if (group is null)
                {
                    group = new ClapGroup(groupId, required: false, multiple: false, [], []);
                    Groups.Add(group);
                }
                if (!group.Args.Contains(arg.Id))
                {
                    group.Args.Add(arg.Id);
                }
            }
            AddKeys(arg);
        }

        _subcommands = subcommands.ToList();
    }

    private readonly List<SubcommandStub> _subcommands;

    /// <summary>A grammar built in code.</summary>
    public static ClapCommand Build(GrammarCommand root) => new(root, Stubs(root), null);

    /// <summary>A grammar from the file: each subcommand is read and built when first reached.</summary>
    public static ClapCommand Build(GrammarCommandSource root) => new(root.Load(), Stubs(root), null);

    public string Name { get; }

    public IReadOnlyList<string> Aliases { get; }

    public ClapCommand? Parent { get; }

    /// <summary>clap's <c>bin_name</c>: <c>uv pip install</c> (the root's name stands for argv[0]'s file name).</summary>
    public string BinName { get; }

    public bool Hidden { get; }

    public List<ClapArg> Args { get; } = [];

    public List<ClapGroup> Groups { get; } = [];

    /// <summary>Every subcommand, built (the parser builds only those it reaches: see <see cref="FindSubcommand"/>).</summary>
    public IReadOnlyList<ClapCommand> Subcommands => _subcommands.Select(Built).ToList();

    /// <summary>Subcommand names and whether each is hidden, without building them.</summary>
    public IEnumerable<(string Name, bool Hidden)> SubcommandNames => _subcommands.Select(s => (s.Name, s.Hidden));

    public bool SubcommandRequired { get; }

    /// <summary>Nothing given (environment values count) and no subcommand: the help, on stderr, exit 2 (clap_derive sets it with <c>subcommand_required</c>).</summary>
    public bool ArgRequiredElseHelp { get; }

    public bool ArgsOverrideSelf { get; }

    public bool SubcommandNegatesRequirements { get; }

    public bool ExternalSubcommand { get; }

    public bool ArgsConflictsWithSubcommands { get; }

    public string? RustType { get; }

    public IEnumerable<ClapArg> Positionals => Args.Where(a => a.IsPositional);

    public int PositionalCount => _positionals.Count;

    public bool HasPositionals => _positionals.Count > 0;

    public bool HasSubcommands => _subcommands.Count > 0;

    /// <summary>clap's <c>has_visible_subcommands</c>: one that is not hidden and not named <c>help</c>.</summary>
    public bool HasVisibleSubcommands => _subcommands.Any(s => s.Name != "help" && !s.Hidden);

    /// <summary>Long names and aliases in key-map order (what clap's suggestions search).</summary>
    public IEnumerable<string> LongKeys => _longs.Select(k => k.Key);

    public ClapArg? Find(string id) => Args.FirstOrDefault(a => a.Id == id);

    public ClapGroup? FindGroup(string id) => Groups.FirstOrDefault(g => g.Id == id);

    public ClapArg? FindLong(string name) => _longs.FirstOrDefault(k => k.Key == name).Arg;

    public ClapArg? FindShort(char letter) => _shorts.FirstOrDefault(k => k.Key == letter).Arg;

    public ClapArg? PositionalAt(int index) => _positionals.GetValueOrDefault(index);

    /// <summary>clap's <c>find_subcommand</c>: by name or any alias.</summary>
    public ClapCommand? FindSubcommand(string name) =>
        _subcommands.FirstOrDefault(s => s.Name == name || s.Aliases.Contains(name)) is { } stub ? Built(stub) : null;

    /// <summary>clap's <c>all_subcommand_names</c>: each subcommand's name, then its aliases.</summary>
    public IEnumerable<string> AllSubcommandNames => _subcommands.SelectMany(s => s.Aliases.Prepend(s.Name));

    public IEnumerable<string> GroupsForArg(string id) => Groups.Where(g => g.Args.Contains(id)).Select(g => g.Id);

    /// <summary>clap's <c>unroll_args_in_group</c>: the args of a group, nested groups expanded.</summary>
    public List<string> UnrollArgsInGroup(string groupId)
    {
        var pending = new Stack<string>([groupId]);
        var args = new List<string>();
        while (pending.TryPop(out var id))
        {
            foreach (var member in FindGroup(id)?.Args ?? [])
            {
                if (args.Contains(member))
                {
                    continue;
                }
                if (Find(member) is not null)
                {
                    args.Add(member);
                }
                else
                {
                    pending.Push(member);
                }
            }
        }
        return args;
    }

    /// <summary>clap's <c>unroll_arg_requires</c> for presence requirements: what an arg requires, transitively.</summary>
    public List<string> UnrollArgRequires(string id)
    {
        var processed = new List<string>();
        var pending = new Stack<string>([id]);
        var result = new List<string>();
        while (pending.TryPop(out var current))
        {
            if (processed.Contains(current))
            {
                continue;
            }
            processed.Add(current);
            foreach (var required in Find(current)?.Requires ?? [])
            {
                if (Find(required) is { Requires.Count: > 0 } next)
                {
                    pending.Push(next.Id);
                }
                result.Add(required);
            }
        }
        return result;
    }

    /// <summary>clap's <c>required_graph</c>: required args, then required groups with what they require.</summary>
    public List<string> RequiredGraph()
    {
        var required = new List<string>();
        foreach (var arg in Args.Where(a => a.IsRequired))
        {
            AddOnce(required, arg.Id);
        }
        foreach (var group in Groups.Where(g => g.Required))
        {
            AddOnce(required, group.Id);
            foreach (var id in group.Requires)
            {
                AddOnce(required, id);
            }
        }
        return required;
    }

    public static void AddOnce(List<string> list, string id)
    {
        if (!list.Contains(id))
        {
            list.Add(id);
        }
    }

    public override string ToString() => BinName;

    private ClapCommand Built(SubcommandStub stub) => stub.Command ??= new ClapCommand(stub.Load(), stub.Subcommands(), this);

    private static IEnumerable<SubcommandStub> Stubs(GrammarCommand command) =>
        command.Subcommands.Select(s => new SubcommandStub(s.Name, s.Aliases, s.Hidden, () => s, () => Stubs(s)));

    private static IEnumerable<SubcommandStub> Stubs(GrammarCommandSource command) =>
        command.Subcommands.Select(s => new SubcommandStub(s.Name, s.Aliases, s.Hidden, s.Load, () => Stubs(s)));

    private sealed class SubcommandStub(string name, IReadOnlyList<string> aliases, bool hidden, Func<GrammarCommand> load, Func<IEnumerable<SubcommandStub>> subcommands)
    {
        public Func<IEnumerable<SubcommandStub>> Subcommands { get; } = subcommands;

        public string Name { get; } = name;

        public IReadOnlyList<string> Aliases { get; } = aliases;

        public bool Hidden { get; } = hidden;

        public Func<GrammarCommand> Load { get; } = load;

        public ClapCommand? Command { get; set; }
    }

    private void AddKeys(ClapArg arg)
    {
        if (arg.Index is { } index)
        {
            _positionals.TryAdd(index, arg);
            return;
        }
        if (arg.Short is { } letter)
        {
            _shorts.Add((letter, arg));
        }
        if (arg.Long is { } name)
        {
            _longs.Add((name, arg));
        }
        foreach (var alias in arg.ShortAliases)
        {
            _shorts.Add((alias, arg));
        }
        foreach (var alias in arg.Aliases)
        {
            _longs.Add((alias, arg));
        }
    }
}
