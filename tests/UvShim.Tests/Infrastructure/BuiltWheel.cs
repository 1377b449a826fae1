namespace UvShim.Tests.Infrastructure;

/// <summary>A wheel made by <see cref="WheelBuilder"/>: what it is called, what it installs and what its code prints.</summary>
/// <param name="ImportName">The top-level package (<c>import &lt;ImportName&gt;</c>).</param>
/// <param name="ScriptName">The console script from entry_points.txt; running it prints <see cref="Greeting"/>.</param>
/// <param name="Greeting">The value of <c>&lt;ImportName&gt;.GREETING</c>.</param>
public sealed record BuiltWheel(string Path, string Name, string Version, string ImportName, string ScriptName, string Greeting)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    public string DistInfoDirectory => $"{ImportName}-{Version}.dist-info";
}
