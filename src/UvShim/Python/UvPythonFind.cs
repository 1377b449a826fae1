using System.Text;
using UvShim.Platform;

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

        try
        {
            var run = CliWrapCapture.RunAsync(uv.Value, arguments, new CaptureLimits(timeout, MaxOutputBytes: 64 * 1024, KeptErrorBytes: 1024))
                .GetAwaiter().GetResult();
            var path = Encoding.UTF8.GetString(run.Output).Trim();
            return run.ExitCode == 0 && path.Length > 0 && File.Exists(path) ? path : null;
        }
        catch (CaptureFailedException)
        {
            return null;
        }
    }
}
