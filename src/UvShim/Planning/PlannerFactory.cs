using UvShim.Python;

namespace UvShim.Planning;

/// <summary>Wires the planner to the real interpreter probe and to <c>uv python find</c>.</summary>
internal static class PlannerFactory
{
    public static InstallPlanner Create(InvocationContext context, Lazy<string> uv)
    {
        var probe = new UserSchemeProbe(context.Settings.ProbeTimeout);
        var finder = new UvPythonFind(uv, context.Settings.ProbeTimeout);
        return new InstallPlanner(new InterpreterResolver(finder.Find), probe.RunAsync);
    }
}
