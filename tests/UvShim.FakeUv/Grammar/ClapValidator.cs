namespace UvShim.FakeUv.Grammar;

/// <summary>
/// clap's <c>Validator</c> (clap_builder/src/parser/validator.rs) for one level, after its environment variables:
/// help when a required subcommand is missing and nothing was given; the missing subcommand; exclusive args;
/// conflicts (<c>conflicts_with</c>, groups that are not <c>multiple</c>, group conflicts, and <c>overrides_with</c>,
/// which clap counts as a conflict once both are present, e.g. one from the environment and one from the command
/// line); required args and groups, with what present args <c>requires</c>. Environment-sourced matches are explicit
/// and take part in all of it. Of the conditional requirements only <c>required_if_eq</c> is modelled (the only one uv uses).
/// </summary>
internal sealed class ClapValidator(ClapCommand command)
{
    private readonly List<string> _required = command.RequiredGraph();

    public void Validate(ClapMatcher matcher)
    {
        var conflicts = ClapConflicts.WithArgs(command, matcher);
        var hasSubcommand = matcher.Subcommand is not null;

        if (!hasSubcommand && command.ArgRequiredElseHelp && !matcher.Entries.Any())
        {
            throw ClapError.DisplayHelpOnMissing(ClapHelp.Render(command));
        }
        if (!hasSubcommand && command.SubcommandRequired)
        {
            throw ClapError.MissingSubcommand(command.BinName, command.AllSubcommandNames.ToList(), new ClapUsage(command, _required).CreateUsageWithTitle([]));
        }

        ValidateConflicts(matcher, conflicts);
        if (!(command.SubcommandNegatesRequirements && hasSubcommand))
        {
            ValidateRequired(matcher, conflicts);
        }
    }

    private void ValidateConflicts(ClapMatcher matcher, ClapConflicts conflicts)
    {
        ValidateExclusive(matcher);
        foreach (var id in matcher.Ids.Where(id => command.Find(id) is not null).ToList())
        {
            var found = conflicts.Gather(command, id);
            if (found.Count > 0)
            {
                throw ConflictError(id, found, matcher);
            }
        }
    }

    private void ValidateExclusive(ClapMatcher matcher)
    {
        var present = matcher.Ids.Select(command.Find).OfType<ClapArg>().ToList();
        if (present.Count <= 1)
        {
            return;
        }
        if (present.FirstOrDefault(a => a.IsExclusive) is { } exclusive)
        {
            throw ClapError.ArgumentConflict(exclusive.Display, [], new ClapUsage(command, _required).CreateUsageWithTitle([]));
        }
    }

    private ClapError ConflictError(string id, List<string> conflictIds, ClapMatcher matcher)
    {
        var unrolled = new List<string>();
        foreach (var conflict in conflictIds)
        {
            foreach (var member in command.FindGroup(conflict) is not null ? command.UnrollArgsInGroup(conflict) : [conflict])
            {
                ClapCommand.AddOnce(unrolled, member);
            }
        }
        var names = unrolled.Select(c => command.Find(c)!.Display).ToList();
        var former = command.Find(id)!.Display;

        var usedFiltered = matcher.Ids
            .Where(n => command.Find(n) is { IsHidden: false } && !unrolled.Contains(n))
            .ToList();
        var required = usedFiltered
            .SelectMany(n => command.Find(n)!.Requires)
            .Where(r => !usedFiltered.Contains(r) && !unrolled.Contains(r))
            .Concat(usedFiltered)
            .ToList();
        return ClapError.ArgumentConflict(former, names, new ClapUsage(command, _required).CreateUsageWithTitle(required));
    }

    private void ValidateRequired(ClapMatcher matcher, ClapConflicts conflicts)
    {
        // gather_requires
        foreach (var (id, _) in matcher.Entries.ToList())
        {
            if (command.Find(id) is not null)
            {
                foreach (var required in command.UnrollArgRequires(id))
                {
                    ClapCommand.AddOnce(_required, required);
                }
            }
            else if (command.FindGroup(id) is { } group)
            {
                foreach (var required in group.Requires)
                {
                    ClapCommand.AddOnce(_required, required);
                }
            }
        }

        var missing = new List<string>();
        var highestIndex = 0;
        var exclusivePresent = matcher.Ids.Any(id => command.Find(id) is { IsExclusive: true });
        foreach (var id in _required.Where(r => !matcher.IsPresent(r)))
        {
            if (command.Find(id) is { } arg)
            {
                if (!exclusivePresent && !IsMissingRequiredOk(arg, conflicts))
                {
                    missing.Add(arg.Id);
                    if (!arg.IsLast)
                    {
                        highestIndex = Math.Max(highestIndex, arg.Index ?? 0);
                    }
                }
            }
            else if (command.FindGroup(id) is not null && !command.UnrollArgsInGroup(id).Any(matcher.IsPresent))
            {
                missing.Add(id);
            }
        }
        // Conditionally required: required_if_eq(other, value) when `other` was given with that raw value.
        foreach (var arg in command.Args.Where(a => !matcher.IsPresent(a.Id)))
        {
            var required = arg.RequiredIfEqual.Any(r => matcher.Get(r.Other)?.Values.Contains(r.Value) == true);
            if (required && !exclusivePresent)
            {
                missing.Add(arg.Id);
                if (!arg.IsLast)
                {
                    highestIndex = Math.Max(highestIndex, arg.Index ?? 0);
                }
            }
        }

        // For display, every positional before the highest missing one.
        foreach (var positional in command.Positionals.Where(p => !matcher.IsPresent(p.Id)))
        {
            if (positional.Index < highestIndex)
            {
                missing.Add(positional.Id);
            }
        }

        if (missing.Count > 0)
        {
            var usage = new ClapUsage(command, _required);
            var listed = usage.GetRequiredUsageFrom(missing, matcher, includeLast: true);
            var used = matcher.Ids.Where(n => command.Find(n) is { IsHidden: false }).Concat(missing).ToList();
            throw ClapError.MissingRequiredArgument(listed, usage.CreateUsageWithTitle(used));
        }
    }

    private bool IsMissingRequiredOk(ClapArg arg, ClapConflicts conflicts) =>
        conflicts.Gather(command, arg.Id).Count > 0
        || command.GroupsForArg(arg.Id).Any(g => conflicts.Gather(command, g).Count > 0);
}

/// <summary>clap's <c>Conflicts</c>: the direct conflicts of every present arg or group, and who conflicts with whom.</summary>
internal sealed class ClapConflicts
{
    private readonly List<(string Id, List<string> Conflicts)> _potential = [];

    public static ClapConflicts WithArgs(ClapCommand command, ClapMatcher matcher)
    {
        var conflicts = new ClapConflicts();
        foreach (var id in matcher.Ids)
        {
            conflicts._potential.Add((id, Direct(command, id)));
        }
        return conflicts;
    }

    public List<string> Gather(ClapCommand command, string id)
    {
        var own = _potential.FirstOrDefault(p => p.Id == id).Conflicts ?? Direct(command, id);
        var result = new List<string>();
        foreach (var (other, theirs) in _potential)
        {
            if (other == id)
            {
                continue;
            }
            if (own.Contains(other))
            {
                result.Add(other);
            }
            if (theirs.Contains(id))
            {
                result.Add(other);
            }
        }
        return result;
    }

    // gather_direct_conflicts: an arg's conflicts_with, its groups' conflicts and fellow members of groups that are
    // not `multiple`, and its overrides; a group's conflicts.
    private static List<string> Direct(ClapCommand command, string id)
    {
        if (command.Find(id) is { } arg)
        {
            var conflicts = new List<string>(arg.ConflictsWith);
            foreach (var group in command.GroupsForArg(id).Select(command.FindGroup).OfType<ClapGroup>())
            {
                conflicts.AddRange(group.ConflictsWith);
                if (!group.Multiple)
                {
                    conflicts.AddRange(group.Args.Where(m => m != id));
                }
            }
            conflicts.AddRange(arg.Overrides);
            return conflicts;
        }
        return command.FindGroup(id) is { } g ? [.. g.ConflictsWith] : [];
    }
}
