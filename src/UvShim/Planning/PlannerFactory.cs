using UvShim.Python;

namespace UvShim.Planning;

/// <summary>Wires the planners to the real interpreter probe and to <c>uv python find</c>.</summary>
internal static class PlannerFactory
{
    public static TargetFinder Finder(InvocationContext context, Lazy<string> uv)
    {
        var probe = new UserSchemeProbe(context.Settings.ProbeTimeout);
        var finder = new UvPythonFind(uv, context.Settings.ProbeTimeout);
        return new TargetFinder(new InterpreterResolver(finder.Find), probe.RunAsync);
    }
}
