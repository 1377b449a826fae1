using UvShim.Arguments;

namespace UvShim.Planning;

/// <summary>SPEC §2: which invocations uvshim may change at all.</summary>
internal enum InvocationKind
{
    /// <summary>Handed over byte for byte.</summary>
    PassThrough,
    PipInstall,
    PipSync,
}

internal static class InvocationClassifier
{
    public static InvocationKind Classify(UvArguments arguments)
    {
        if (arguments.AsksForHelpOrVersion)
            return InvocationKind.PassThrough;
        return arguments.Command switch
        {
            ["pip", "install"] => InvocationKind.PipInstall,
            ["pip", "sync"] => InvocationKind.PipSync,
            _ => InvocationKind.PassThrough,
        };
    }
}
