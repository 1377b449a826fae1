namespace UvShim.Tests.Infrastructure;

/// <summary>How a program run ended, what it printed, and what the fake uv recorded during the run.</summary>
public sealed record ProcessResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    int ProcessId,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<FakeUvRecord> Records)
{
    /// <summary>The single record of the run; fails the test with the run's output when there is not exactly one.</summary>
    public FakeUvRecord SingleRecord
    {
        get
        {
            if (Records.Count != 1)
            {
                throw new Xunit.Sdk.XunitException($"Expected exactly one fake-uv record, found {Records.Count}.\n{this}");
            }
            return Records[0];
        }
    }

    public override string ToString() =>
        $"exit code {ExitCode}, pid {ProcessId}, {Records.Count} fake-uv record(s)\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
