using CliWrap;

namespace UvShim.Platform;

/// <summary>
/// Runs a short child with CliWrap, within <see cref="CaptureLimits"/>: <c>uv python find</c>, doctor's
/// <c>uv --version</c>, and the interpreter probe where there is no posix_spawn (Windows).
/// </summary>
internal static class CliWrapCapture
{
    /// <param name="environment">Variables to set for the child; a null value removes one.</param>
    public static async Task<CapturedRun> RunAsync(string executable, IReadOnlyList<string> arguments, CaptureLimits limits,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var timedOut = new CancellationTokenSource(limits.Timeout);
        using var tooMuch = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timedOut.Token, tooMuch.Token);
        var output = new MemoryStream();
        var errors = new ErrorTail(limits.KeptErrorBytes);
        try
        {
            var command = Cli.Wrap(executable);
            if (workingDirectory is not null)
                command = command.WithWorkingDirectory(workingDirectory);
            if (environment is not null)
                command = command.WithEnvironmentVariables(environment);
            var result = await command
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.Create((stream, token) => CopyLimitedAsync(stream, output, limits.MaxOutputBytes, tooMuch, token)))
                .WithStandardErrorPipe(PipeTarget.Create((stream, token) => CopyAsync(stream, errors, token)))
                .ExecuteAsync(stop.Token);
            return new CapturedRun(output.ToArray(), errors.Text, result.ExitCode, null);
        }
        catch (OperationCanceledException) when (tooMuch.IsCancellationRequested)
        {
            throw new CaptureFailedException(CaptureFailure.TooMuchOutput);
        }
        catch (OperationCanceledException)
        {
            throw new CaptureFailedException(CaptureFailure.TimedOut);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new CaptureFailedException(CaptureFailure.NotStarted, e.Message);
        }
    }

    private static async Task CopyLimitedAsync(Stream source, MemoryStream destination, int limit, CancellationTokenSource tooMuch, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, token)) > 0)
        {
            if (destination.Length + read > limit)
            {
                await tooMuch.CancelAsync();
                return;
            }
            destination.Write(buffer, 0, read);
        }
    }

    private static async Task CopyAsync(Stream source, ErrorTail destination, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, token)) > 0)
            destination.Append(buffer.AsSpan(0, read));
    }
}
