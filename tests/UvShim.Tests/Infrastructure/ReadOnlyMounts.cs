using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// A launcher for <see cref="ShimProcessRunner.Run"/> that makes directories read-only mounts for one process tree:
/// <c>unshare --mount</c> gives it a private mount namespace, a shell bind-mounts each directory onto itself and
/// remounts it read-only, then execs the rest of the command line (setpriv, uvshim: the same PID). Nothing outside
/// that process tree sees the mounts, and they go when it exits. Needs root (CAP_SYS_ADMIN).
/// </summary>
[SupportedOSPlatform("linux")]
public static class ReadOnlyMounts
{
    private const string Script = """
        set -e
        mount=$1; n=$2; shift 2
        while [ "$n" -gt 0 ]; do
          "$mount" --bind "$1" "$1"
          "$mount" -o remount,bind,ro "$1"
          shift; n=$((n - 1))
        done
        exec "$@"
        """;

    public static IReadOnlyList<string> Launcher(params string[] directories)
    {
        string Find(string name) => ExecutableLookup.OnPath(name, TestUser.DefaultPath + ":/usr/sbin:/sbin")
            ?? throw new InvalidOperationException($"`{name}` is needed for read-only mounts.");
        return [Find("unshare"), "--mount", "--propagation", "private", "--", Find("sh"), "-c", Script, "read-only-mounts",
            Find("mount"), directories.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), .. directories];
    }
}
