using UvShim.Output;

namespace UvShim.Commands;

/// <summary>
/// <c>uvshim shim doctor [--python X] [--json]</c>: what uvshim sees (the real uv, the interpreters uv
/// could target and what an install into each would do, uvshim's and uv's configuration, the probe
/// cache). Exit 0 when uv and an interpreter are there, 1 when something stops uvshim (no uv, no
/// usable interpreter, a configuration that cannot be read), 2 for a bad command line.
/// </summary>
internal static class DoctorCommand
{
    public const int Problem = 1;

    public static int Run(string? python, bool json)
    {
        if (python is { Length: 0 })
        {
            StdErr.Line("--python needs a value (a path, a directory or a version such as 3.12)");
            return 2;
        }

        var env = EnvironmentSnapshot.Read();
        var report = DoctorInspection.Inspect(env, python, Environment.ProcessPath);
        StdOut.Write(json
            ? DoctorJson.Render(report)
            : DoctorText.Render(report, TerminalColour.Enabled(TerminalColour.StdoutIsTerminal(), env)));
        return report.Ok ? 0 : Problem;
    }
}
