using UvShim.Commands;
using UvShim.Output;
using UvShim.Platform;
using UvShim.Python;

namespace UvShim.Cache;

/// <summary>The interpreter probe behind <see cref="ProbeCache"/>: one interpreter start per interpreter and user, not per call.</summary>
internal sealed class CachingProbe(UserSchemeProbe probe, ProbeCache cache, IReadOnlyDictionary<string, string> environment)
{
    public InterpreterProbe Run(string executable)
    {
        var key = ProbeCacheKey.For(executable, environment, ShimVersion.Text);
        if (key is not null && cache.TryRead(key) is { } hit)
        {
            ShimLog.Debug("probe cache: hit for {Executable}", executable);
            return hit;
        }

        var (result, output) = probe.RunRaw(executable);
        // Like uv: a launcher that is not the interpreter (a pyenv shim script) may pick another one next time.
        if (key is not null && RealPath.Of(executable) == RealPath.Of(result.Executable))
            cache.Write(key, output);
        return result;
    }
}
