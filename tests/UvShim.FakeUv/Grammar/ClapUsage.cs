using System.Text;

namespace UvShim.FakeUv.Grammar;

/// <summary>
/// clap's usage line (clap_builder/src/output/usage.rs): with nothing used, the help usage
/// (<c>uv pip install [OPTIONS] &lt;PACKAGE|--requirements &lt;REQUIREMENTS&gt;|…&gt;</c>); otherwise the "smart" usage
/// naming the required args, required groups and the args in <paramref name="required"/>'s sense of used.
/// Not reproduced: <c>override_usage</c>, <c>flatten_help</c>, conditional requirements (uv sets none of them).
/// </summary>
internal sealed class ClapUsage(ClapCommand command, IReadOnlyList<string>? required = null)
{
    private const string SubcommandValueName = "COMMAND";

    public string CreateUsageWithTitle(IReadOnlyList<string> used)
    {
        var text = new StringBuilder();
        if (used.Count == 0)
        {
            WriteArgUsage(text, [], includeRequired: true);
            WriteSubcommandUsage(text);
        }
        else
        {
            WriteArgUsage(text, used, includeRequired: true);
            if (command.SubcommandRequired)
            {
                text.Append('<').Append(SubcommandValueName).Append('>');
            }
        }
        return "Usage: " + text.ToString().TrimEnd();
    }

    /// <summary>clap's <c>get_usage_name_fallback</c>: the parent's bin name, its required args, this name.</summary>
    public static string UsageName(ClapCommand command)
    {
        if (command.Parent is not { } parent)
        {
            return command.BinName;
        }
        var middle = new StringBuilder(" ");
        foreach (var requirement in new ClapUsage(parent).GetRequiredUsageFrom([], null, includeLast: true))
        {
            middle.Append(requirement).Append(' ');
        }
        return parent.BinName + middle + command.Name;
    }

    /// <summary>clap's <c>get_required_usage_from</c>: what is still missing, as the error lists it.</summary>
    public List<string> GetRequiredUsageFrom(IReadOnlyList<string> includes, ClapMatcher? matcher, bool includeLast)
    {
        var unrolled = UnrolledRequirements();
        var requiredGroups = new List<string>();
        var groupMembers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in unrolled.Concat(includes))
        {
            if (command.FindGroup(id) is null)
            {
                continue;
            }
            var members = command.UnrollArgsInGroup(id);
            if (matcher is not null && members.Any(matcher.IsPresent))
            {
                continue;
            }
            AddOnce(requiredGroups, FormatGroup(id));
            groupMembers.UnionWith(members);
        }

        var requiredOptions = new List<string>();
        var requiredPositionals = new SortedDictionary<int, string>();
        foreach (var id in unrolled.Concat(includes))
        {
            if (command.Find(id) is not { } arg || groupMembers.Contains(arg.Id) || matcher?.IsPresent(id) == true)
            {
                continue;
            }
            var styled = arg.Stylized(true);
            if (arg.Index is { } index)
            {
                if (!arg.IsLast || includeLast)
                {
                    requiredPositionals[index] = styled;
                }
            }
            else
            {
                AddOnce(requiredOptions, styled);
            }
        }
        return [.. requiredOptions, .. requiredGroups, .. requiredPositionals.Values];
    }

    /// <summary>clap's <c>format_group</c>: <c>&lt;PACKAGE|--requirements &lt;REQUIREMENTS&gt;&gt;</c>.</summary>
    public string FormatGroup(string groupId) =>
        "<" + string.Join('|', command.UnrollArgsInGroup(groupId)
            .Select(command.Find)
            .OfType<ClapArg>()
            .Select(a => a.IsPositional ? a.NameNoBrackets : a.Display)) + ">";

    private void WriteArgUsage(StringBuilder text, IReadOnlyList<string> used, bool includeRequired)
    {
        text.Append(UsageName(command)).Append(' ');
        if (used.Count == 0 && NeedsOptionsTag())
        {
            text.Append("[OPTIONS] ");
        }
        WriteArgs(text, used, forceOptional: !includeRequired);
    }

    private void WriteSubcommandUsage(StringBuilder text)
    {
        if (command.HasVisibleSubcommands || command.ExternalSubcommand)
        {
            text.Append(command.SubcommandRequired ? $"<{SubcommandValueName}>" : $"[{SubcommandValueName}]");
        }
    }

    private bool NeedsOptionsTag()
    {
        foreach (var arg in command.Args.Where(a => !a.IsPositional))
        {
            if (arg.Long is "help" or "version" || arg.Action is ClapAction.Help or ClapAction.HelpShort or ClapAction.Version)
            {
                continue;
            }
            if (arg.IsHidden || arg.IsRequired)
            {
                continue;
            }
            if (command.GroupsForArg(arg.Id).Any(g => command.FindGroup(g)!.Required))
            {
                continue;
            }
            return true;
        }
        return false;
    }

    private void WriteArgs(StringBuilder text, IReadOnlyList<string> includes, bool forceOptional)
    {
        var unrolled = UnrolledRequirements();
        var requiredGroups = new List<string>();
        var groupMembers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in unrolled.Concat(includes))
        {
            if (command.FindGroup(id) is not null)
            {
                AddOnce(requiredGroups, FormatGroup(id));
                groupMembers.UnionWith(command.UnrollArgsInGroup(id));
            }
        }

        var requiredOptions = new List<string>();
        var positionals = new SortedDictionary<int, string?>();
        foreach (var id in unrolled.Concat(includes))
        {
            if (command.Find(id) is not { } arg || groupMembers.Contains(arg.Id))
            {
                continue;
            }
            var styled = arg.Stylized(!forceOptional);
            if (arg.Index is { } index)
            {
                positionals[index] = styled;
            }
            else
            {
                AddOnce(requiredOptions, styled);
            }
        }
        foreach (var positional in command.Positionals)
        {
            if (positional.IsHidden || groupMembers.Contains(positional.Id))
            {
                continue;
            }
            var index = positional.Index!.Value;
            if (positionals.TryGetValue(index, out var existing) && existing is not null)
            {
                if (positional.IsLast)
                {
                    positionals[index] = "-- " + existing;
                }
            }
            else
            {
                positionals[index] = positional.IsLast ? $"[-- {positional.Stylized(true)}]" : positional.Stylized(false);
            }
            if (positional.IsLast && forceOptional)
            {
                positionals[index] = null;
            }
        }

        if (!forceOptional)
        {
            foreach (var option in requiredOptions)
            {
                text.Append(option).Append(' ');
            }
            foreach (var group in requiredGroups)
            {
                text.Append(group).Append(' ');
            }
        }
        foreach (var positional in positionals.Values.OfType<string>())
        {
            text.Append(positional).Append(' ');
        }
    }

    // Each required arg or group with what it requires (presence requirements only), as write_args unrolls them.
    private List<string> UnrolledRequirements()
    {
        var unrolled = new List<string>();
        foreach (var id in required ?? command.RequiredGraph())
        {
            unrolled.AddRange(command.UnrollArgRequires(id));
            unrolled.Add(id);
        }
        return unrolled;
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
