using UvShim.Execution;
using UvShim.Output;
using UvShim.Planning;
using UvShim.Settings;

namespace UvShim;

/// <summary>
/// The start a uv command line, <c>shim explain</c> and <c>shim doctor</c> share: the environment read once, uvshim's
/// settings and the working directory, and the real uv, found when first needed. The three then plan through
/// <see cref="Planner.Plan"/>, so they cannot disagree.
/// </summary>
internal sealed record Invocation(InvocationContext Context, Lazy<string> Uv)
{
    /// <summary>The invocation, or null after printing why there is none (the caller exits 2).</summary>
    public static Invocation? Start()
    {
        var env = EnvironmentSnapshot.Read();
        if (LoopGuardMarkers.LoopMessage(env) is { } loop)
        {
            StdErr.Line(loop);
            return null;
        }

        try
        {
            return Load(env, Environment.ProcessPath);
        }
        catch (SettingsException e)
        {
            StdErr.Line(e.Message);
            return null;
        }
    }

    /// <summary>The invocation in <paramref name="env"/>; throws <see cref="SettingsException"/> on a bad configuration.</summary>
    /// <param name="self">This uvshim's path, which the search for uv skips.</param>
    public static Invocation Load(IReadOnlyDictionary<string, string> env, string? self)
    {
        var context = InvocationContextLoader.Load(env);
        return new(context, new Lazy<string>(() => UvLocator.Find(context.Settings.UvPath, env, self)));
    }
}
