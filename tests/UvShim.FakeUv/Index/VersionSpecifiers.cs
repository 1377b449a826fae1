namespace UvShim.FakeUv.Index;

/// <summary>
/// PEP 440 version specifiers (<c>==1.0</c>, <c>==1.*</c>, <c>!=</c>, <c>&gt;=</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&lt;</c>,
/// <c>~=</c>, <c>===</c>), comma-separated, all of which must hold. Versions compare as <see cref="PackageVersion"/> does
/// (release numbers numerically, the rest as text): enough for the wheels the tests build.
/// </summary>
internal sealed record VersionSpecifiers(IReadOnlyList<(string Operator, string Version)> Clauses)
{
    public static readonly VersionSpecifiers Any = new([]);

    private static readonly string[] Operators = ["===", "~=", "==", "!=", ">=", "<=", ">", "<"];

    public static VersionSpecifiers Parse(string text)
    {
        var clauses = new List<(string, string)>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var op = Operators.FirstOrDefault(o => raw.StartsWith(o, StringComparison.Ordinal))
                ?? throw new UvError($"Failed to parse: `{text}`", [$"Expected one of `~=`, `==`, `!=`, `<=`, `>=`, `<`, `>`, or `===`, found `{raw}`"]);
            clauses.Add((op, raw[op.Length..].Trim()));
        }
        return new VersionSpecifiers(clauses);
    }

    public bool IsEmpty => Clauses.Count == 0;

    public bool Contains(string version) => Clauses.All(c => Holds(c.Operator, c.Version, version));

    public override string ToString() => string.Join(", ", Clauses.Select(c => c.Operator + c.Version));

    private static bool Holds(string op, string wanted, string version)
    {
        if (op == "===")
        {
            return string.Equals(wanted, version, StringComparison.OrdinalIgnoreCase);
        }
        if (op is "==" or "!=" && wanted.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefix = wanted[..^2].Split('.');
            var parts = version.Split('.');
            var matches = parts.Length >= prefix.Length
                && prefix.Select((p, i) => PackageVersion.Compare(p, parts[i]) == 0).All(x => x);
            return op == "==" ? matches : !matches;
        }
        var order = PackageVersion.Compare(version, wanted);
        return op switch
        {
            "==" => order == 0,
            "!=" => order != 0,
            ">=" => order >= 0,
            "<=" => order <= 0,
            ">" => order > 0,
            "<" => order < 0,
            "~=" => order >= 0 && Holds("==", string.Join('.', wanted.Split('.')[..^1]) + ".*", version),
            _ => false,
        };
    }
}
