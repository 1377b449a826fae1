namespace UvShim.Arguments;

/// <summary>The options clap knows in one parse context (a command level plus the globals propagated to it).</summary>
internal sealed class OptionTable
{
    private readonly Dictionary<string, OptionSpec> _byLong = new(StringComparer.Ordinal);
    private readonly Dictionary<char, OptionSpec> _byShort = [];
    private readonly List<OptionSpec> _specs = [];

    private OptionTable()
    {
    }

    public IReadOnlyList<OptionSpec> Specs => _specs;

    /// <summary>
    /// Joins option groups. A name declared twice must have the same shape: clap skips propagating a
    /// global arg to a subcommand that declares the same one, and anything else would be a table bug.
    /// </summary>
    public static OptionTable Of(params IReadOnlyList<OptionSpec>[] groups)
    {
        var table = new OptionTable();
        foreach (var group in groups)
        {
            foreach (var spec in group)
            {
                table.Add(spec);
            }
        }

        return table;
    }

    /// <summary>Looks up a long spelling with its dashes (<c>--trusted-host</c>); aliases resolve to their option.</summary>
    public OptionSpec? FindLong(string spelling) => _byLong.GetValueOrDefault(spelling);

    public OptionSpec? FindShort(char letter) => _byShort.GetValueOrDefault(letter);

    private void Add(OptionSpec spec)
    {
        if (_byLong.TryGetValue(spec.Name, out var existing))
        {
            if (!existing.HasSameShape(spec))
            {
                throw new InvalidOperationException($"Option table conflict on {spec.Name}: {existing} vs {spec}.");
            }

            return;
        }

        _specs.Add(spec);
        AddKey(_byLong, spec.Name, spec);
        foreach (var alias in spec.Aliases)
        {
            AddKey(_byLong, alias, spec);
        }

        if (spec.Short is { } letter)
        {
            AddKey(_byShort, letter, spec);
        }
    }

    private static void AddKey<TKey>(Dictionary<TKey, OptionSpec> map, TKey key, OptionSpec spec)
        where TKey : notnull
    {
        if (!map.TryAdd(key, spec) && !ReferenceEquals(map[key], spec))
        {
            throw new InvalidOperationException($"Option table conflict on {key}: {map[key]} vs {spec}.");
        }
    }
}
