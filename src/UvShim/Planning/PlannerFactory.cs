using UvShim.Cache;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>Wires the planners (and <c>shim doctor</c>) to the real interpreter probe and to <c>uv python find</c>.</summary>
internal static class PlannerFactory
{
    public static TargetFinder Finder(InvocationContext context, Lazy<string> uv) =>
        new(Resolver(context, uv), Probe(context).Run);

    public static InterpreterResolver Resolver(InvocationContext context, Lazy<string> uv) =>
        new(new UvPythonFind(uv, context.Settings.ProbeTimeout).Find);

    public static CachingProbe Probe(InvocationContext context) =>
        new(new UserSchemeProbe(context.Settings.ProbeTimeout), Cache(context), context.Environment);

    public static ProbeCache Cache(InvocationContext context) =>
        new(ProbeCache.DefaultDirectory(context.Environment));
}
