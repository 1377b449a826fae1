using CliWrap;
using CliWrap.Buffered;

namespace UvShim.Python;

/// <summary>
/// Asks the real uv which interpreter a version request means (<c>uv python find</c>), for
/// requests such as <c>3.12</c> or <c>cpython@3.12</c> that only uv can answer exactly.
/// </summary>
internal sealed class UvPythonFind(Lazy<string> uv, TimeSpan timeout)
{
    public string? Find(string request, bool system)
    {
        List<string> arguments = ["python", "find", "--no-project", "--python-preference", "system"];
        if (system)
            arguments.Add("--system");
        arguments.Add(request);

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var result = Cli.Wrap(uv.Value)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cts.Token)
                .GetAwaiter().GetResult();
            var path = result.StandardOutput.Trim();
            return result.ExitCode == 0 && path.Length > 0 && File.Exists(path) ? path : null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
