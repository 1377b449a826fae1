namespace UvShim.FakeUv;

/// <summary>Entry point: record the invocation, then behave like a tiny, offline uv.</summary>
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

        if (FakeExitCode() is { } exitCode)
        {
            return exitCode;
        }

        if (Environment.GetEnvironmentVariable("UVSHIM_TEST_UV") is { Length: > 0 } realUv)
        {
            return RealUvHandover.Exec(realUv, record);
        }

        return Commands.Dispatch(args);
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
