using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Hostile;

/// <summary>A run of uvshim (through <see cref="ShimProcessRunner"/>) handing over to <see cref="NativeTools.NativeUv"/>,
/// and what native-uv recorded (null when uv never ran).</summary>
internal sealed record NativeRunResult(ProcessResult Process, NativeUvRecord? Record)
{
    public IReadOnlyList<string> Arguments =>
        Record is { } record ? record.Arguments.Select(a => System.Text.Encoding.UTF8.GetString(a)).ToList()
        : throw new Xunit.Sdk.XunitException($"uv did not run.\n{Process}");

    /// <summary>uvshim's lines on stderr.</summary>
    public IReadOnlyList<string> ErrorLines => Process.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => Process.ToString();
}

[SupportedOSPlatform("linux")]
internal static class NativeRun
{
    /// <summary>Sets <c>UVSHIM_UV</c> (<paramref name="uv"/>: null for native-uv, "" for none, so that uv is looked up on PATH)
    /// and <c>NATIVE_UV_RECORD</c> to a fresh file in a directory anyone can write (so a run with another effective uid can
    /// record too), runs uvshim (or <paramref name="program"/>, another copy of it), and reads the record.</summary>
    public static NativeRunResult Shim(
        TestUser user,
        IEnumerable<string> arguments,
        Dictionary<string, string> environment,
        string? workingDirectory = null,
        TimeSpan? timeout = null,
        IReadOnlyList<string>? launcher = null,
        string? uv = null,
        string? program = null)
    {
        var records = user.CreateDirectory("native-records");
        File.SetUnixFileMode(records, (UnixFileMode)0b111_111_111);
        var record = Path.Combine(records, "uv.rec");
        if (uv == "")
            environment.Remove("UVSHIM_UV");
        else
            environment["UVSHIM_UV"] = uv ?? NativeTools.Shared.NativeUv;
        environment["NATIVE_UV_RECORD"] = record;
        var result = program is null
            ? ShimProcessRunner.RunShim(user, arguments, environment, workingDirectory, timeout, launcher)
            : ShimProcessRunner.Run(user, program, arguments, environment, workingDirectory, timeout, launcher);
        return new NativeRunResult(result, NativeUvRecord.TryRead(record));
    }
}
