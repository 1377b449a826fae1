using UvShim.Cache;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>Wires the planners to the real interpreter probe and to <c>uv python find</c>.</summary>
internal static class PlannerFactory
{
    public static TargetFinder Finder(InvocationContext context, Lazy<string> uv)
    {
        var probe = new CachingProbe(
            new UserSchemeProbe(context.Settings.ProbeTimeout),
            new ProbeCache(ProbeCache.DefaultDirectory(context.Environment)),
            context.Environment);
        var finder = new UvPythonFind(uv, context.Settings.ProbeTimeout);
        return new TargetFinder(new InterpreterResolver(finder.Find), probe.RunAsync);
    }
}
