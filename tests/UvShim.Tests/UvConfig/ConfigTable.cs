namespace UvShim.Tests.UvConfig;

/// <summary>A table of <see cref="ConfigCase"/> rows addressed by name, so each row is its own test.</summary>
internal sealed class ConfigTable(params ConfigCase[] rows)
{
    private readonly Dictionary<string, ConfigCase> _rows = rows.ToDictionary(row => row.Name);

    public TheoryData<string> Names => [.. _rows.Keys];

    public void Check(string name) => ConfigTree.Check(_rows[name]);
}
