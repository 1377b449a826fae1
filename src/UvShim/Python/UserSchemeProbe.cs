using System.Text;
using CliWrap;

namespace UvShim.Python;

/// <summary>Runs <see cref="ProbeScript"/> in an interpreter, once, with a time limit and a limit on what it prints.</summary>
internal sealed class UserSchemeProbe(TimeSpan timeout)
{
    /// <summary>The probe prints a few kilobytes; an "interpreter" printing more than this is not one (nor cacheable).</summary>
    public const int MaxOutputBytes = 1024 * 1024;

    /// <summary>Only the end of stderr is kept, for the last line of a failure.</summary>
    private const int KeptErrorBytes = 64 * 1024;

    public async Task<InterpreterProbe> RunAsync(string executable) => (await RunRawAsync(executable)).Probe;

    /// <summary>The probe and the output it was read from (what the cache keeps).</summary>
    public async Task<(InterpreterProbe Probe, string Output)> RunRawAsync(string executable)
    {
        using var timedOut = new CancellationTokenSource(timeout);
        using var tooMuch = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timedOut.Token, tooMuch.Token);
        var stdout = new MemoryStream();
        var stderr = new TailBuffer(KeptErrorBytes);
        CommandResult result;
        try
        {
            // -I keeps the user's PYTHONPATH/PYTHONSTARTUP and the cwd out; PYTHONUSERBASE is still honoured.
            // Output is read with a limit: something that prints endlessly would otherwise fill memory until the timeout.
            result = await Cli.Wrap(executable)
                .WithArguments(["-I", "-S", "-c", ProbeScript.Source])
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.Create((stream, token) => CopyLimitedAsync(stream, stdout, tooMuch, token)))
                .WithStandardErrorPipe(PipeTarget.Create(stderr.ReadAsync))
                .ExecuteAsync(stop.Token);
        }
        catch (OperationCanceledException) when (tooMuch.IsCancellationRequested)
        {
            throw new ProbeFailedException(executable, $"is not a Python uvshim can use: it printed more than {MaxOutputBytes / 1024} KiB");
        }
        catch (OperationCanceledException)
        {
            throw new ProbeFailedException(executable, $"did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ProbeFailedException(executable, "could not be started: " + e.Message);
        }

        if (result.ExitCode != 0)
        {
            var lastLine = stderr.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .LastOrDefault() ?? "";
            if (lastLine.Length > 300)
                lastLine = "…" + lastLine[^300..];
            throw new ProbeFailedException(executable, $"exited with {result.ExitCode}" + (lastLine.Length > 0 ? $": {lastLine}" : ""));
        }

        var output = Encoding.UTF8.GetString(stdout.GetBuffer(), 0, (int)stdout.Length);
        try
        {
            return (ProbeOutputParser.Parse(output), output);
        }
        catch (ProbeFormatException e)
        {
            throw new ProbeFailedException(executable, "is not a Python uvshim can use: " + e.Message);
        }
    }

    /// <summary>Copies until the end, or stops the command once more than <see cref="MaxOutputBytes"/> arrived.</summary>
    private static async Task CopyLimitedAsync(Stream source, MemoryStream destination, CancellationTokenSource tooMuch, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, token)) > 0)
        {
            if (destination.Length + read > MaxOutputBytes)
            {
                await tooMuch.CancelAsync();
                return;
            }
            destination.Write(buffer, 0, read);
        }
    }

    /// <summary>Reads a stream to its end, keeping only the last bytes.</summary>
    private sealed class TailBuffer(int capacity)
    {
        private readonly byte[] _kept = new byte[capacity];
        private long _total;

        public string Text
        {
            get
            {
                if (_total <= capacity)
                    return Encoding.UTF8.GetString(_kept, 0, (int)_total);
                var start = (int)(_total % capacity);
                return Encoding.UTF8.GetString([.. _kept.AsSpan(start), .. _kept.AsSpan(0, start)]);
            }
        }

        public async Task ReadAsync(Stream source, CancellationToken token)
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await source.ReadAsync(buffer, token)) > 0)
            {
                for (var i = 0; i < read; i++)
                    _kept[(int)((_total + i) % capacity)] = buffer[i];
                _total += read;
            }
        }
    }
}

internal sealed class ProbeFailedException(string executable, string reason)
    : Exception($"the interpreter {executable} {reason}")
{
    public string Executable { get; } = executable;
}
