using System.Text;
using CliWrap;

namespace UvShim.Processes;

/// <summary>
/// A child through CliWrap: on Windows, where there is no posix_spawn, every child whose output uvshim captures or
/// discards; on Unix, a child in another working directory where the C library cannot start one there. CliWrap is
/// asynchronous only: this is the one place uvshim waits for a task.
/// </summary>
internal static class CliWrapChild
{
    public static ChildResult Run(ChildRequest request)
    {
        using var timedOut = request.Timeout is { } timeout ? new CancellationTokenSource(timeout) : new CancellationTokenSource();
        using var tooMuch = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timedOut.Token, tooMuch.Token);
        var output = new MemoryStream();
        var errors = new ErrorTail(request.KeptErrorBytes);
        var command = Cli.Wrap(request.Program)
            .WithArguments(request.Arguments.Select(Encoding.UTF8.GetString))
            .WithEnvironmentVariables(request.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(request.Output == ChildStream.Capture
                ? PipeTarget.Create((stream, token) => CopyLimitedAsync(stream, output, request.MaxOutputBytes, tooMuch, token))
                : PipeTarget.Null)
            .WithStandardErrorPipe(request.Error == ChildStream.Capture
                ? PipeTarget.Create((stream, token) => CopyAsync(stream, errors, token))
                : PipeTarget.Null);
        if (request.WorkingDirectory is not null)
            command = command.WithWorkingDirectory(request.WorkingDirectory);

        int? pid = null;
        try
        {
            var task = command.ExecuteAsync(stop.Token);
            pid = task.ProcessId;
            request.Signals?.Track(task.ProcessId);
            var result = task.Task.GetAwaiter().GetResult();
            request.Signals?.Untrack(task.ProcessId, result.ExitCode);
            return new ChildResult(result.ExitCode, null, output.ToArray(), errors.Bytes);
        }
        catch (OperationCanceledException)
        {
            if (pid is { } stopped)
                request.Signals?.Untrack(stopped, null);
            throw new ChildFailedException(request.Program, tooMuch.IsCancellationRequested ? ChildFailure.TooMuchOutput : ChildFailure.TimedOut, "");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ChildFailedException(request.Program, ChildFailure.NotStarted, e.Message);
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
