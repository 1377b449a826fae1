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
            ["sync"] when environment.TryGetValue("UV_PROJECT_ENVIRONMENT", out var projectEnvironment) && projectEnvironment.Length > 0
                => InvocationKind.ProjectSync,
            _ => InvocationKind.PassThrough,
        };
    }
}
