using UvShim.FakeUv.Grammar;

namespace UvShim.FakeUv;

/// <summary>
/// Entry point: record the invocation; parse it as uv 0.12.5 would (<see cref="UvParser"/>: clap with uv's grammar,
/// then uv's own argument checks) and fail as uv fails, unless <c>UVSHIM_TEST_UV</c> hands over to a real uv that
/// parses for itself; then <c>FAKE_UV_EXIT</c>; then behave like a tiny, offline uv. Help and version are what clap
/// answers instead of running a command, so <c>FAKE_UV_EXIT</c> still decides their exit code, as for any accepted line.
/// </summary>
internal static class FakeUv
{
    public const string Version = "uv 0.12.5 (fake)";

    public static int Run(string[] args)
    {
        var recordDirectory = Environment.GetEnvironmentVariable("FAKE_UV_RECORD_DIR");
        var record = InvocationRecord.Capture(args, recordDirectory);
        if (!string.IsNullOrEmpty(recordDirectory))
        {
            try
            {
                RecordWriter.Write(recordDirectory, record);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"fake-uv: cannot write a record into {recordDirectory}: {e.Message}");
                return 125;
            }
        }

        var realUv = Environment.GetEnvironmentVariable("UVSHIM_TEST_UV");
        UvCommandLine? line = null;
        ClapError? helpOrVersion = null;
        if (string.IsNullOrEmpty(realUv))
        {
            try
            {
                line = UvCommandLine.Parse(args);
            }
            catch (ClapError e) when (!e.UseStderr)
            {
                helpOrVersion = e;
            }
            catch (ClapError e)
            {
                e.Print();
                return e.ExitCode;
            }
            catch (UvError e)
            {
                e.Print(Console.Error);
                return UvError.ExitCode;
            }
        }

        if (FakeExitCode() is { } exitCode)
        {
            return exitCode;
        }

        if (helpOrVersion is not null)
        {
            helpOrVersion.Print();
            return helpOrVersion.ExitCode;
        }

        if (line is null)
        {
            return RealUvHandover.Exec(realUv!, record);
        }

        return Commands.Dispatch(line, args);
    }

    private static int? FakeExitCode()
    {
        var text = Environment.GetEnvironmentVariable("FAKE_UV_EXIT");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (int.TryParse(text, out var code))
        {
            return code;
        }
        Console.Error.WriteLine($"fake-uv: FAKE_UV_EXIT is not an integer: {text}");
        return 125;
    }
}
