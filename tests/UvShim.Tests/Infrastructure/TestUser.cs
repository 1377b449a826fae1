using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// Who a test runs programs as, with a private temporary HOME. When the tests run as root, the unprivileged
/// user is a uid/gid with no passwd entry (one per test run, picked free in a high range) reached through
/// <c>setpriv --reuid --regid --clear-groups --</c>, which execs its target (so the PID stays the same).
/// Otherwise it is the current user. The environment given to a child is always explicit: HOME, PATH, a private
/// TMPDIR and whatever the test adds; nothing is inherited from the test process.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class TestUser : IDisposable
{
    public const string DefaultPath = "/usr/local/bin:/usr/bin:/bin";

    private static readonly Lazy<uint> UnprivilegedId = new(() => PickFreeId(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<uint> SecondId = new(() => PickFreeId(UnprivilegedId.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Setpriv = new(() => ExecutableLookup.Require("setpriv"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _area;

    private TestUser(uint uid, uint gid, bool switchesIdentity)
    {
        Uid = uid;
        Gid = gid;
        SwitchesIdentity = switchesIdentity;
        _area = TestRunDirectory.CreateSubdirectory("user");
        Home = CreateOwnedDirectory(Path.Combine(_area, "home"), UnixFileModes.Private);
        Scratch = CreateOwnedDirectory(Path.Combine(_area, "scratch"), UnixFileModes.Public);
        TemporaryDirectory = CreateOwnedDirectory(Path.Combine(_area, "tmp"), UnixFileModes.Private);
    }

    /// <summary>True when the tests run as root (and so can show what root sees, and switch to another uid).</summary>
    public static bool TestProcessIsRoot => Posix.IsRoot;

    public uint Uid { get; }

    public uint Gid { get; }

    /// <summary>
    /// When set (and the identity is switched), programs run with <see cref="Uid"/> as the real and this as the
    /// effective uid (<c>setpriv --ruid --euid</c>): the "uid ≠ euid" of a set-user-ID program.
    /// </summary>
    public uint? DifferentEffectiveUid { get; set; }

    /// <summary>A second free uid (no passwd entry, no process), different from the unprivileged user's.</summary>
    public static uint SecondUnprivilegedId => SecondId.Value;

    /// <summary>True when programs run under another uid than the test process (through setpriv).</summary>
    public bool SwitchesIdentity { get; }

    /// <summary>The user's HOME (mode 0700, owned by the user); its <c>.local</c> is the user base.</summary>
    public string Home { get; }

    /// <summary>A directory the user owns, outside HOME, for working directories and records.</summary>
    public string Scratch { get; }

    /// <summary>The user's TMPDIR. The .NET runtime puts its diagnostics socket there, and a process that execs
    /// (uvshim handing over to uv) never removes it: with /tmp, every run would leave one behind.</summary>
    public string TemporaryDirectory { get; }

    public string UserBase => Path.Combine(Home, ".local");

    /// <summary>Root: a uid with no passwd entry. Otherwise: the current user.</summary>
    public static TestUser CreateUnprivileged() =>
        Posix.IsRoot
            ? new TestUser(UnprivilegedId.Value, UnprivilegedId.Value, switchesIdentity: true)
            : new TestUser(Posix.EffectiveUid, Posix.EffectiveGid, switchesIdentity: false);

    /// <summary>The identity of the test process itself (root, when the tests run as root), with its own HOME.</summary>
    public static TestUser CreateCurrent() => new(Posix.EffectiveUid, Posix.EffectiveGid, switchesIdentity: false);

    /// <summary>HOME, PATH (default <see cref="DefaultPath"/>) and TMPDIR, as a fresh dictionary the test can add to.</summary>
    public Dictionary<string, string> Environment(string? path = null) =>
        new(StringComparer.Ordinal) { ["HOME"] = Home, ["PATH"] = path ?? DefaultPath, ["TMPDIR"] = TemporaryDirectory };

    /// <summary>A new directory under <see cref="Scratch"/>, owned by the user.</summary>
    public string CreateDirectory(string name) =>
        CreateOwnedDirectory(Path.Combine(Scratch, $"{name}-{Guid.NewGuid().ToString("N")[..8]}"), UnixFileModes.Public);

    /// <summary>Writes a file the user owns.</summary>
    public string WriteFile(string path, string content)
    {
        File.WriteAllText(path, content);
        GiveOwnership(path);
        return path;
    }

    /// <summary>Hands a file or tree created by the test process over to the user.</summary>
    public void GiveOwnership(string path)
    {
        if (!SwitchesIdentity)
        {
            return;
        }
        Posix.ChangeOwner(path, Uid, Gid);
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories))
            {
                Posix.ChangeOwner(entry, Uid, Gid);
            }
        }
    }

    /// <summary>A start description that runs <paramref name="program"/> as this user with exactly <paramref name="environment"/>.</summary>
    public ProcessStartInfo CreateStartInfo(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory)
    {
        var start = new ProcessStartInfo { UseShellExecute = false, WorkingDirectory = workingDirectory };
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        if (SwitchesIdentity)
        {
            start.FileName = Setpriv.Value;
            if (DifferentEffectiveUid is { } effective)
            {
                start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--ruid={Uid}"));
                start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--euid={effective}"));
            }
            else
            {
                start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--reuid={Uid}"));
            }
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--regid={Gid}"));
            start.ArgumentList.Add("--clear-groups");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    public override string ToString() =>
        SwitchesIdentity ? $"uid {Uid} (no passwd entry), HOME={Home}" : $"current user (uid {Uid}), HOME={Home}";

    public void Dispose() => TestRunDirectory.DeleteTree(_area);

    private string CreateOwnedDirectory(string path, UnixFileMode mode)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, mode);
        GiveOwnership(path);
        return path;
    }

    /// <summary>A uid (used as gid too) that no account, group or running process uses, nor <paramref name="except"/>.</summary>
    private static uint PickFreeId(uint? except = null)
    {
        var taken = new HashSet<uint>();
        if (except is { } excluded)
        {
            taken.Add(excluded);
        }
        foreach (var file in new[] { "/etc/passwd", "/etc/group" })
        {
            if (!File.Exists(file))
            {
                continue;
            }
            foreach (var line in File.ReadLines(file))
            {
                var fields = line.Split(':');
                if (fields.Length > 2 && uint.TryParse(fields[2], CultureInfo.InvariantCulture, out var id))
                {
                    taken.Add(id);
                }
            }
        }
        foreach (var status in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "status")))
        {
            try
            {
                foreach (var line in File.ReadLines(status).Where(l => l.StartsWith("Uid:", StringComparison.Ordinal) || l.StartsWith("Gid:", StringComparison.Ordinal)))
                {
                    foreach (var field in line.Split('\t', StringSplitOptions.RemoveEmptyEntries).Skip(1))
                    {
                        taken.Add(uint.Parse(field, CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process directory, or it exited.
            }
        }
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var candidate = (uint)Random.Shared.Next(200_000, 1_000_000);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("No free uid found for the unprivileged test user.");
    }
}
