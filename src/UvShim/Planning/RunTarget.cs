using UvShim.Arguments;

namespace UvShim.Planning;

/// <summary>What <c>uv run</c> would run, as far as it decides whether the project environment is used.</summary>
internal static class RunTarget
{
    // Metadata is looked for in the first MiB only: a script's header comes first.
    private const int MetadataWindow = 1 << 20;

    /// <summary>
    /// A script whose inline metadata makes uv run it in an environment of its own (uv 0.12.5
    /// crates/uv/src/commands/project/run.rs <c>RunCommand::from_args</c> and <c>read_pep723_item</c>; the
    /// <c># /// script</c> line of crates/uv-scripts/src/lib.rs). A remote script is taken as one: uv downloads it to tell.
    /// </summary>
    public static bool IsScript(UvArguments arguments, string workingDirectory)
    {
        if (!arguments.IsOpaque || arguments.OpaqueTokens.Count == 0)
            return false;
        var target = arguments.OpaqueTokens[0];
        if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal))
            return true;
        if (arguments.Has("--module"))
            return false;
        var path = Path.GetFullPath(target, workingDirectory);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var asScript = arguments.Has("--script") || arguments.Has("--gui-script") || extension is ".py" or ".pyc" or ".pyw";
        return asScript && File.Exists(path) && HasMetadata(path);
    }

    private static bool HasMetadata(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[MetadataWindow];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var text = System.Text.Encoding.UTF8.GetString(buffer, 0, length);
            return text.Split('\n').Any(line => line.TrimEnd('\r') == "# /// script");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
