using UvShim.Platform;

namespace UvShim.Execution;

internal sealed class UvNotFoundException(string message) : Exception(message);

/// <summary>
/// Finds the real uv (docs/design.md, "One path"): <c>UVSHIM_UV</c>/<c>Uv:Path</c>, else the first <c>uv</c> on PATH
/// that is not uvshim itself. Files are compared after resolving links.
/// </summary>
internal static class UvLocator
{
    public const string InstallHint =
        "set UVSHIM_UV to the real uv, or install uv so that it is on PATH (curl -LsSf https://astral.sh/uv/install.sh | sh, or pipx install uv)";

    public static string Find(string? configured, IReadOnlyDictionary<string, string> env, string? self)
    {
        var selfResolved = self is null ? null : Resolve(self);
        if (configured is not null)
        {
            if (!ExecutableSearch.IsExecutableFile(configured))
                throw new UvNotFoundException($"UVSHIM_UV is {configured}, which is not an executable file; {InstallHint}");
            if (selfResolved is not null && SameFile(Resolve(configured), selfResolved))
                throw new UvNotFoundException($"UVSHIM_UV is {configured}, which is uvshim itself; point it at the real uv");
            return configured;
        }

        var skippedSelf = false;
        foreach (var candidate in ExecutableSearch.FindAll("uv", env.GetValueOrDefault("PATH")))
        {
            if (selfResolved is not null && SameFile(Resolve(candidate), selfResolved))
            {
                skippedSelf = true;
                continue;
            }
            return candidate;
        }
        throw new UvNotFoundException(skippedSelf
            ? $"the only uv on PATH is uvshim itself; {InstallHint}"
            : $"cannot find uv on PATH; {InstallHint}");
    }

    private static string Resolve(string path) => RealPath.Of(path);

    private static bool SameFile(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
