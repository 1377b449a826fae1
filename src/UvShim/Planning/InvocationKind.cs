using UvShim.Arguments;

namespace UvShim.Planning;

/// <summary>SPEC §2: which invocations uvshim may change at all.</summary>
internal enum InvocationKind
{
    /// <summary>Handed over byte for byte.</summary>
    PassThrough,
    PipInstall,
    PipSync,
    PipUninstall,
    PipList,
    PipFreeze,
    PipShow,
    /// <summary><c>uv sync</c> with <c>UV_PROJECT_ENVIRONMENT</c> set.</summary>
    ProjectSync,
    /// <summary><c>uv run</c> that would sync, with <c>UV_PROJECT_ENVIRONMENT</c> set.</summary>
    ProjectRun,
}

internal static class InvocationClassifier
{
    public static InvocationKind Classify(UvArguments arguments, IReadOnlyDictionary<string, string> environment)
    {
        if (arguments.AsksForHelpOrVersion)
            return InvocationKind.PassThrough;
        return arguments.Command switch
        {
            ["pip", "install"] => InvocationKind.PipInstall,
            ["pip", "sync"] => InvocationKind.PipSync,
            ["pip", "uninstall"] => InvocationKind.PipUninstall,
            ["pip", "list"] => InvocationKind.PipList,
            ["pip", "freeze"] => InvocationKind.PipFreeze,
            ["pip", "show"] => InvocationKind.PipShow,
            ["sync"] when HasProjectEnvironment(environment) => InvocationKind.ProjectSync,
            ["run"] when HasProjectEnvironment(environment) && WouldSync(arguments, environment) => InvocationKind.ProjectRun,
            _ => InvocationKind.PassThrough,
        };
    }

    private static bool HasProjectEnvironment(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("UV_PROJECT_ENVIRONMENT", out var value) && value.Length > 0;

    // uv run's own options are not parsed (its command line is uv's to read); --no-sync is looked for before "--".
    private static bool WouldSync(UvArguments arguments, IReadOnlyDictionary<string, string> environment) =>
        !Platform.Boolish.IsSet(environment, "UV_NO_SYNC")
        && !arguments.OpaqueTokens.TakeWhile(t => t != "--").Contains("--no-sync");
}
