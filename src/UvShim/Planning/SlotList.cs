using UvShim.Arguments;

namespace UvShim.Planning;

/// <summary>Building a uv command line from another: options edited in place, positionals chosen by the caller.</summary>
internal static class SlotList
{
    /// <summary>
    /// The command line with <paramref name="remove"/> taken out, <paramref name="insert"/> after the
    /// subcommand, every positional dropped and <paramref name="positionals"/> appended instead.
    /// </summary>
    public static IReadOnlyList<ArgumentSlot> WithPositionals(UvArguments arguments, IEnumerable<UvOption> remove, IReadOnlyList<string> insert, IEnumerable<string> positionals)
    {
        var edit = arguments.Edit();
        foreach (var option in remove)
            edit.Remove(option);
        if (insert.Count > 0)
            edit.InsertAfterCommand([.. insert]);
        var dropped = arguments.Positionals.Select(p => p.TokenIndex).ToHashSet();
        var slots = edit.Build().Where(s => !(s.OriginalIndex >= 0 && dropped.Contains(s.OriginalIndex))).ToList();
        var names = positionals.ToList();
        // A name could look like an option; after "--" it cannot be taken for one.
        if (names.Any(n => n.StartsWith('-')) && arguments.DoubleDashIndex < 0)
            slots.Add(new ArgumentSlot(-1, "--"));
        slots.AddRange(names.Select(n => new ArgumentSlot(-1, n)));
        return slots;
    }
}
