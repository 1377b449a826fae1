namespace UvShim.FakeUv.Index;

/// <summary>
/// <c>uv pip install -c/--constraints</c> files (else <c>UV_CONSTRAINT</c>, which clap reads only when the command line
/// has none, split at spaces): requirements.txt-style files whose named requirements narrow the versions the resolver
/// may choose without asking for anything (uv 0.12.5 crates/uv-cli/src/lib.rs <c>PipInstallArgs.constraints</c>). A
/// package that a constraint rules out is uv's "no solution" report, exit 1.
/// </summary>
internal sealed class Constraints
{
    private readonly Dictionary<string, List<NamedRequirement>> _byName;

    private Constraints(IEnumerable<NamedRequirement> constraints) =>
        _byName = constraints.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    public static Constraints None { get; } = new([]);

    public static Constraints Read(UvCommandLine line)
    {
        var files = line.Values("c", "constraints", "constraint").ToList();
        if (files.Count == 0 && Environment.GetEnvironmentVariable("UV_CONSTRAINT") is { Length: > 0 } fromEnvironment)
        {
            files = fromEnvironment.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        return new Constraints(files
            .Where(f => f.Length > 0)
            .SelectMany(RequirementsFile.Read)
            .Select(r => NamedRequirement.TryParse(r.Text) ?? throw new UvError($"Failed to parse constraint: `{r.Text}`")));
    }

    public bool Allows(string name, string version) =>
        !_byName.TryGetValue(name, out var constraints) || constraints.All(c => c.Specifiers.Contains(version));

    /// <summary>How uv's report names what the constraints ask of <paramref name="name"/>: <c>name==1.0</c>.</summary>
    public string? Display(string name) =>
        _byName.TryGetValue(name, out var constraints) ? string.Join(", ", constraints.Select(c => c.Display)) : null;
}
