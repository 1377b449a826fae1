using System.Text;

namespace UvShim.Processes;

/// <summary>What becomes of one of a child's standard output streams.</summary>
internal enum ChildStream
{
    /// <summary>uvshim's own descriptor, as an exec'd program has it (the terminal, a pipe, a file).</summary>
    Inherit,

    /// <summary>Read by uvshim into <see cref="ChildResult"/>, within the request's limits.</summary>
    Capture,

    /// <summary>The null device.</summary>
    Discard,
}

/// <summary>
/// One child process for <see cref="ChildProcess.Run"/>: the program and its argument bytes, what to add to uvshim's
/// environment, where it runs, what becomes of its output, how long it may take and who passes signals on to it.
/// </summary>
/// <param name="Program">The executable's path (also argv[0]).</param>
/// <param name="Arguments">argv[1..] as the bytes the child gets: a user's token reaches uv as the user typed it.</param>
internal sealed record ChildRequest(string Program, IReadOnlyList<byte[]> Arguments)
{
    /// <summary>A request whose arguments are text (UTF-8).</summary>
    public static ChildRequest Of(string program, IEnumerable<string> arguments) =>
        new(program, arguments.Select(Encoding.UTF8.GetBytes).ToList());

    /// <summary>Variables set on top of uvshim's environment; a null value removes one.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The child's working directory; null for uvshim's.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Standard input: uvshim's when true, else empty (the null device): a captured child must not read the terminal.</summary>
    public bool InheritInput { get; init; } = true;

    public ChildStream Output { get; init; } = ChildStream.Inherit;

    public ChildStream Error { get; init; } = ChildStream.Inherit;

    /// <summary>A captured stdout longer than this stops the child (<see cref="ChildFailure.TooMuchOutput"/>): what prints endlessly would otherwise fill memory.</summary>
    public int MaxOutputBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Of a captured stderr only the last this many bytes are kept (the last line of a failure, uv's warnings).</summary>
    public int KeptErrorBytes { get; init; } = 1024 * 1024;

    /// <summary>A child still running after this is killed (<see cref="ChildFailure.TimedOut"/>); null waits as long as it runs.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Passes SIGINT and SIGTERM on to the child while it runs (see <see cref="ChildSignals"/>).</summary>
    public ChildSignals? Signals { get; init; }

    /// <summary>The program and its arguments, stdin empty, stdout and stderr captured: a short question to a program.</summary>
    public static ChildRequest Captured(string program, IEnumerable<string> arguments, TimeSpan timeout, int maxOutputBytes, int keptErrorBytes) =>
        Of(program, arguments) with
        {
            InheritInput = false,
            Output = ChildStream.Capture,
            Error = ChildStream.Capture,
            Timeout = timeout,
            MaxOutputBytes = maxOutputBytes,
            KeptErrorBytes = keptErrorBytes,
        };
}
