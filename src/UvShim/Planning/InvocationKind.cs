using UvShim.Arguments;
using UvShim.Platform;

namespace UvShim.Planning;

/// <summary>Which invocations uvshim may change at all (docs/design.md, "Which commands").</summary>
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
    /// <summary><c>uv add</c> that would sync, with <c>UV_PROJECT_ENVIRONMENT</c> set.</summary>
    ProjectAdd,
    /// <summary><c>uv remove</c> that would sync, with <c>UV_PROJECT_ENVIRONMENT</c> set.</summary>
    ProjectRemove,
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
            ["run"] when HasProjectEnvironment(environment) && RunWouldSync(arguments, environment) => InvocationKind.ProjectRun,
            ["add"] when HasProjectEnvironment(environment) && EditWouldSync(arguments, environment) => InvocationKind.ProjectAdd,
            ["remove"] when HasProjectEnvironment(environment) && EditWouldSync(arguments, environment) => InvocationKind.ProjectRemove,
            _ => InvocationKind.PassThrough,
        };
    }

    private static bool HasProjectEnvironment(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("UV_PROJECT_ENVIRONMENT", out var value) && value.Length > 0;

    // uv 0.12.5 crates/uv/src/commands/project/run.rs: no project environment with --no-project or --isolated (an
    // ephemeral one); no sync with --no-sync. Scripts and commands outside a project are left to the planner.
    private static bool RunWouldSync(UvArguments arguments, IReadOnlyDictionary<string, string> environment) =>
        !NoSync(arguments, environment)
        && !arguments.Has("--no-project") && !Boolish.IsSet(environment, "UV_NO_PROJECT")
        && !arguments.Has("--isolated") && !Boolish.IsSet(environment, "UV_ISOLATED");

    // add.rs and remove.rs: --frozen edits pyproject.toml only; --script edits a script.
    private static bool EditWouldSync(UvArguments arguments, IReadOnlyDictionary<string, string> environment) =>
        !NoSync(arguments, environment)
        && !arguments.Has("--frozen") && !Boolish.IsSet(environment, "UV_FROZEN")
        && !arguments.Has("--script");

    private static bool NoSync(UvArguments arguments, IReadOnlyDictionary<string, string> environment) =>
        arguments.Has("--no-sync") || Boolish.IsSet(environment, "UV_NO_SYNC");
}
