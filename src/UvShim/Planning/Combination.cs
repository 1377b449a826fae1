namespace UvShim.Planning;

/// <summary>
/// How the uv runs of a <see cref="Plan.Compose"/> make one result (<see cref="Execution.ComposeRunner"/> runs them):
/// which runs are captured, in what order, and what uvshim prints and returns from them.
/// </summary>
internal abstract record Combination
{
    /// <summary>No uv run: print <paramref name="Output"/> and <paramref name="Error"/> as they are and exit with <paramref name="ExitCode"/>.</summary>
    public sealed record Answer(string Output, string Error, int ExitCode) : Combination;

    /// <summary>
    /// The runs are the system list, then the user list, both <c>--format json</c> and captured; the merged list is printed in
    /// <paramref name="Format"/> (<c>columns</c>, <c>json</c>, <c>freeze</c>). <paramref name="Silent"/> (<c>-qq</c>): only the exit code tells.
    /// </summary>
    public sealed record MergedList(string Format, bool Outdated, bool Silent) : Combination;

    /// <summary>
    /// The runs are the system freeze, then the user freeze, captured; every user line is printed, and the system lines of
    /// packages not in <paramref name="InUserSite"/>, by name. The sites are where their editable installs are looked up.
    /// </summary>
    public sealed record MergedFreeze(bool Silent, IReadOnlySet<string> InUserSite, IReadOnlyList<string> UserSites, IReadOnlyList<string> SystemSites)
        : Combination;

    /// <summary>The runs show the user-site packages, then the rest, captured; their blocks are printed in uv's order.</summary>
    public sealed record MergedShow : Combination;

    /// <summary>
    /// Uninstall: the first run (the user-site part) on uvshim's terminal; if it succeeds the second is handed over, else
    /// it still runs and the first exit code stands.
    /// </summary>
    public sealed record UserPartThenRest : Combination;
}
