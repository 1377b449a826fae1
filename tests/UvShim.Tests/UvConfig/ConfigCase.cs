using UvShim.UvConfig;

namespace UvShim.Tests.UvConfig;

/// <summary>
/// One row of a config table: a tree of files under a fresh root, where uv runs, what the command line said, and
/// what must come out. "{root}" in paths, variables and expected values stands for the tree's root.
/// </summary>
internal sealed record ConfigCase(string Name)
{
    public Dictionary<string, string> Files { get; init; } = [];

    /// <summary>Directories to create even when they hold no file.</summary>
    public string[] Directories { get; init; } = [];

    public string Cwd { get; init; } = "here";

    public UvConfigInputs Inputs { get; init; } = UvConfigInputs.None;

    /// <summary>Added to the base environment (HOME and XDG_CONFIG_DIRS inside the tree); a null value removes a variable.</summary>
    public Dictionary<string, string?> Env { get; init; } = [];

    /// <summary>Per key: the merged value and the file (relative to the root) it came from. Keys not listed must be unset.</summary>
    public Dictionary<UvPipKey, (object Value, string From)> Expect { get; init; } = [];

    /// <summary>The files read, highest precedence first, when the case checks them.</summary>
    public string[]? ExpectFiles { get; init; }

    /// <summary>The files skipped with a warning.</summary>
    public string[] ExpectWarnings { get; init; } = [];

    /// <summary>Set when uv would refuse: the file (relative to the root) or variable it names.</summary>
    public string? ExpectUnreadable { get; init; }

    public override string ToString() => Name;
}
