using UvShim.Python;

namespace UvShim.Tests.Python;

/// <summary>Probe outputs kept in TestData/probes, one key=value per line; '#' lines say where each came from.</summary>
internal static class RecordedProbes
{
    public static string Raw(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "probes", name + ".probe");
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith('#'));
        return string.Concat(lines.Select(l => l + "\0"));
    }

    public static InterpreterProbe Load(string name) => ProbeOutputParser.Parse(Raw(name));
}
