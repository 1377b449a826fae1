namespace UvShim.Execution;

/// <summary>
/// What uvshim leaves in uv's environment to notice that uv is uvshim again: the PID that exec'd
/// (an exec into itself keeps it), and how many uvshims in a row led here (a wrapper script that
/// runs uvshim without exec gets a new PID each time, but not a new depth).
/// </summary>
internal static class LoopGuardMarkers
{
    public const string ExecPid = "UVSHIM_EXEC_PID";
    public const string Depth = "UVSHIM_DEPTH";

    /// <summary>Far beyond honest nesting (uv run → a tool → uv …), well before a runaway loop hurts.</summary>
    public const int MaxDepth = 16;

    public static int IncomingDepth(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue(Depth, out var text) && int.TryParse(text, out var depth) && depth > 0 ? depth : 0;

    /// <summary>The message when uv turned out to be uvshim, or null.</summary>
    public static string? LoopMessage(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.TryGetValue(ExecPid, out var pid) && pid == Environment.ProcessId.ToString())
            return "uvshim was handed over to itself: the uv it found is uvshim again. Set UVSHIM_UV to the real uv.";
        if (IncomingDepth(environment) >= MaxDepth)
            return $"uvshim has run {MaxDepth} times in a row: a uv on PATH (or UVSHIM_UV) runs uvshim again instead of uv. Set UVSHIM_UV to the real uv.";
        return null;
    }

    /// <summary>The variables to give uv (exec'd or as a child).</summary>
    public static IEnumerable<KeyValuePair<string, string>> ForUv(IReadOnlyDictionary<string, string> environment) =>
    [
        new(ExecPid, Environment.ProcessId.ToString()),
        new(Depth, (IncomingDepth(environment) + 1).ToString()),
    ];
}
