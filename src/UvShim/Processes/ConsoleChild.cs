using System.Diagnostics;
using System.Text;

namespace UvShim.Processes;

/// <summary>
/// A child on Windows that shares uvshim's console (the hand-over, which Windows cannot exec, and uv's runs of a
/// multi-step command). CliWrap always redirects the three streams (its Command.CreateStartInfo), which would take the
/// console from uv, so this is Process with the inherited streams left alone. Ctrl+C reaches the child through the
/// shared console; uvshim only waits for its exit code (the pattern of the .NET SDK's ProcessReaper).
/// </summary>
internal static class ConsoleChild
{
    public static ChildResult Run(ChildRequest request)
    {
        if (request.Output == ChildStream.Capture || request.Error == ChildStream.Capture)
            throw new ArgumentException("a child on the console discards a stream or inherits it; CliWrapChild captures", nameof(request));
        var start = new ProcessStartInfo(request.Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = !request.InheritInput,
            RedirectStandardOutput = request.Output == ChildStream.Discard,
            RedirectStandardError = request.Error == ChildStream.Discard,
        };
        if (request.WorkingDirectory is not null)
            start.WorkingDirectory = request.WorkingDirectory;
        foreach (var argument in request.Arguments)
            start.ArgumentList.Add(Encoding.UTF8.GetString(argument));
        foreach (var (name, value) in request.Environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ChildFailedException(request.Program, ChildFailure.NotStarted, e.Message);
        }
        using (process)
        {
            request.Signals?.Track(process.Id);
            if (start.RedirectStandardInput)
                process.StandardInput.Close();
            var drains = new[] { start.RedirectStandardOutput ? process.StandardOutput : null, start.RedirectStandardError ? process.StandardError : null }
                .OfType<StreamReader>()
                .Select(reader => Task.Run(() => reader.BaseStream.CopyTo(Stream.Null)))
                .ToArray();
            if (!process.WaitForExit(request.Timeout ?? Timeout.InfiniteTimeSpan))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                request.Signals?.Untrack(process.Id, null);
                throw new ChildFailedException(request.Program, ChildFailure.TimedOut, "");
            }
            Task.WaitAll(drains);
            request.Signals?.Untrack(process.Id, process.ExitCode);
            return new ChildResult(process.ExitCode, null, [], []);
        }
    }
}
