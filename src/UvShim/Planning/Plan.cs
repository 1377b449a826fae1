using UvShim.Arguments;
using UvShim.Processes;

namespace UvShim.Planning;

/// <summary>What uvshim will do with one invocation, and why, step by step.</summary>
internal abstract record Plan(IReadOnlyList<PlanStep> Steps)
{
    /// <summary>Exec uv with these arguments; <paramref name="Notes"/> go to stderr first unless quiet.</summary>
    public sealed record HandOver(IReadOnlyList<ArgumentSlot> Arguments, bool Rewritten, IReadOnlyList<string> Notes, IReadOnlyList<PlanStep> Steps)
        : Plan(Steps);

    /// <summary>Stop: print the message (prefixed <c>uvshim: </c>) and exit 2, running nothing.</summary>
    public sealed record Refuse(string Message, IReadOnlyList<PlanStep> Steps) : Plan(Steps);

    /// <summary>
    /// More than one uv run, or uv runs whose output uvshim combines (a mixed uninstall, a merged list): the
    /// <paramref name="Runs"/>' arguments, and how they make one result (<see cref="Combination"/>).
    /// </summary>
    public sealed record Compose(IReadOnlyList<IReadOnlyList<ArgumentSlot>> Runs, Combination How, IReadOnlyList<string> Notes, IReadOnlyList<PlanStep> Steps)
        : Plan(Steps);

    /// <summary>
    /// uv runs one after another as children on uvshim's own terminal, each of which must succeed, then, when
    /// <paramref name="Then"/> is given, the hand-over to uv with those arguments. A run may name the private
    /// requirements and constraints files (<see cref="ChildRun.RequirementsFile"/>, <see cref="ChildRun.ConstraintsFile"/>),
    /// which exist for the runs and are gone before the hand-over.
    /// </summary>
    public sealed record Chain(IReadOnlyList<ChildRun> Runs, IReadOnlyList<ArgumentSlot>? Then, IReadOnlyList<string> Notes, IReadOnlyList<PlanStep> Steps)
        : Plan(Steps)
    {
        /// <summary>The lines of the private constraints file.</summary>
        public IReadOnlyList<string> Constraints { get; init; } = [];

        /// <summary>What to do when the last run exits 1 (see <see cref="ChainRetry"/>).</summary>
        public ChainRetry? Retry { get; init; }

        /// <summary>After the last run has ended by itself: pip's warning for the console scripts it put off PATH.</summary>
        public ScriptsWatch? Scripts { get; init; }

        /// <summary>
        /// The hand-over to make instead of the runs where uvshim cannot wait for a child (SIGCHLD ignored, as some
        /// container inits leave it: the kernel reaps children at once, and uv would inherit the change).
        /// </summary>
        public IReadOnlyList<ArgumentSlot>? Unwatched { get; init; }
    }
}

internal sealed record PlanStep(string Label, string Text)
{
    /// <summary>How the "decision" step of an install plan begins; doctor reads the outcome from it.</summary>
    public const string HandedOver = "hand over unchanged: ", UserInstall = "user install: ";
}

/// <summary>One uv child run of a <see cref="Plan.Chain"/>, with the output it discards (<see cref="ChildStream.Discard"/>).</summary>
internal sealed record ChildRun(IReadOnlyList<ArgumentSlot> Arguments, ChildStream Output = ChildStream.Inherit, ChildStream Error = ChildStream.Inherit)
{
    /// <summary>Stands for the private requirements file in <see cref="Arguments"/>; a NUL cannot be in a real argument.</summary>
    public const string RequirementsFile = "\0requirements.txt";

    /// <summary>Stands for the private constraints file (<see cref="Plan.Chain.Constraints"/>).</summary>
    public const string ConstraintsFile = "\0constraints.txt";

    /// <summary>A run of new arguments only; <paramref name="QuietStdout"/> drops its standard output.</summary>
    public ChildRun(IReadOnlyList<string> Arguments, bool QuietStdout = false)
        : this(Arguments.Select(a => new ArgumentSlot(-1, a)).ToList(), QuietStdout ? ChildStream.Discard : ChildStream.Inherit)
    {
    }

    /// <summary>The arguments for explain, the private files named as such (original tokens by <paramref name="original"/>).</summary>
    public IEnumerable<string> Shown(Func<ArgumentSlot, string> original) =>
        Arguments.Select(a => a.Text switch
        {
            RequirementsFile => "<private temp file>",
            ConstraintsFile => "<private constraints file>",
            _ => original(a),
        });
}

/// <summary>
/// When the last run of a chain exits 1: <paramref name="Check"/> runs with its output discarded, and if it succeeds,
/// <paramref name="Note"/> (null under <c>-q</c>) is printed and <paramref name="Run"/> runs in place of the failed one. For an install pinned
/// to the system site's versions: the check is the same install as a dry run without the pins.
/// </summary>
internal sealed record ChainRetry(ChildRun Check, ChildRun Run, string? Note);

/// <summary>
/// pip's scripts-not-on-PATH warning, after the install: the distributions whose <c>.dist-info</c> in
/// <paramref name="SiteDirectories"/> is new or changed, their console scripts found in
/// <paramref name="ScriptsDirectory"/> (which is not on PATH).
/// </summary>
internal sealed record ScriptsWatch(string ScriptsDirectory, IReadOnlyList<string> SiteDirectories, bool Windows, bool TildeOnPath);
