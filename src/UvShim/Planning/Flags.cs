using UvShim.Arguments;

namespace UvShim.Planning;

internal static class Flags
{
    /// <summary>clap's overrides_with: of a flag and its negation, the last one given wins; null if neither.</summary>
    public static bool? Last(UvArguments arguments, string flag, string negation)
    {
        var last = arguments.Options.LastOrDefault(o => o.Name == flag || o.Name == negation);
        return last is null ? null : last.Name == flag;
    }
}
