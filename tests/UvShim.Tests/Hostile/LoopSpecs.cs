using System.Globalization;
using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using UvShim.Tests.Integration;

namespace UvShim.Tests.Hostile;

/// <summary>
/// Issue "hostile input" §6: uvshim finding itself where uv should be (on PATH as <c>uv</c>, ahead of itself, or as
/// <c>UVSHIM_UV</c>, by path, link, copy or hard link) stops with one clear line and exit 2, and leaves no process
/// behind. Each test runs its own copy of uvshim, so that a process still running from it would be this test's.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LoopSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private const string HandedOverToItself = "uvshim: uvshim was handed over to itself: the uv it found is uvshim again. Set UVSHIM_UV to the real uv.";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>A private copy of the uvshim under test (with the files beside it, for the framework-dependent apphost).</summary>
    private static string CopyOfShim(string name = "uvshim")
    {
        var directory = TestRunDirectory.CreateSubdirectory("loop-shim");
        TreeCopy.CopyDirectory(Path.GetDirectoryName(ShimBinaries.Shared.Shim)!, directory,
            (relative, isDirectory) => !isDirectory && (relative.StartsWith("uvshim", StringComparison.Ordinal) || relative.EndsWith(".dll", StringComparison.Ordinal)));
        var shim = Path.Combine(directory, Path.GetFileName(ShimBinaries.Shared.Shim));
        if (name != "uvshim")
            File.Move(shim, shim = Path.Combine(directory, name));
        return shim;
    }

    private static string DirectoryWith(string name, Func<string, string> create)
    {
        var directory = TestRunDirectory.CreateSubdirectory("path-entry");
        create(Path.Combine(directory, name));
        return directory;
    }

    /// <summary>PIDs of processes running one of <paramref name="executables"/>.</summary>
    private static List<string> RunningFrom(params string[] executables)
    {
        var running = new List<string>();
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            try
            {
                if (new FileInfo(Path.Combine(process, "exe")).LinkTarget is { } exe && executables.Contains(exe))
                    running.Add(Path.GetFileName(process));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Exited, or not ours to read.
            }
        }
        return running;
    }

    private NativeRunResult Run(TestUser user, string shim, string path, string? uv)
    {
        var environment = fixture.ShimEnvironment(user, null);
        environment["PATH"] = path + ":" + TestUser.DefaultPath;
        return NativeRun.Shim(user, ["lock"], environment, timeout: Bound, uv: uv, program: shim);
    }

    private static void AssertStoppedOnce(NativeRunResult run, string expectedStart, params string[] executables)
    {
        Assert.True(run.Process.ExitCode == 2, run.ToString());
        Assert.Null(run.Record);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith(expectedStart, line);
        Assert.Empty(RunningFrom(executables));
    }

    [LinuxFact]
    public void Uvshim_as_the_only_uv_on_PATH_stops_with_one_line()
    {
        using var user = TestUser.CreateUnprivileged();
        var shim = CopyOfShim();
        var links = DirectoryWith("uv", uv => { File.CreateSymbolicLink(uv, shim); return uv; });

        var bySelf = Run(user, shim, links, uv: "");
        var asUv = Run(user, Path.Combine(links, "uv"), links, uv: "");

        foreach (var run in new[] { bySelf, asUv })
            AssertStoppedOnce(run, "uvshim: the only uv on PATH is uvshim itself; set UVSHIM_UV to the real uv", shim);
    }

    [LinuxFact]
    public void Uvshim_on_PATH_as_uv_ahead_of_a_copy_of_itself_stops_when_the_copy_sees_it_was_handed_over_to_itself()
    {
        using var user = TestUser.CreateUnprivileged();
        var shim = CopyOfShim();
        var copy = CopyOfShim("uv");
        var links = DirectoryWith("uv", uv => { File.CreateSymbolicLink(uv, shim); return uv; });

        // The link is skipped (it is uvshim itself); the copy is another file, so uvshim execs it, same PID, and it stops.
        var run = Run(user, Path.Combine(links, "uv"), links + ":" + Path.GetDirectoryName(copy), uv: "");

        AssertStoppedOnce(run, HandedOverToItself, shim, copy);
    }

    [LinuxFact]
    public void Uvshim_on_PATH_as_uv_ahead_of_the_real_uv_hands_over_to_the_real_uv()
    {
        using var user = TestUser.CreateUnprivileged();
        var shim = CopyOfShim();
        var links = DirectoryWith("uv", uv => { File.CreateSymbolicLink(uv, shim); return uv; });
        var real = DirectoryWith("uv", uv => { File.CreateSymbolicLink(uv, NativeTools.Shared.NativeUv); return uv; });

        // The README's container setup: a `uv` link to uvshim first on PATH, the real uv after it.
        var run = Run(user, Path.Combine(links, "uv"), links + ":" + real, uv: "");

        Assert.True(run.Process.ExitCode == 0, run.ToString());
        Assert.Equal(["lock"], run.Arguments);
        Assert.Equal(run.Process.ProcessId, run.Record!.ProcessId);
        Assert.Empty(RunningFrom(shim));
    }

    [LinuxTheory]
    [InlineData("its own path", "uvshim: UVSHIM_UV is ")]
    [InlineData("a link to it", "uvshim: UVSHIM_UV is ")]
    [InlineData("a copy of it", HandedOverToItself)]
    [InlineData("a hard link to it", HandedOverToItself)]
    public void UVSHIM_UV_naming_uvshim_stops_with_one_line(string kind, string expectedStart)
    {
        using var user = TestUser.CreateUnprivileged();
        var shim = CopyOfShim();
        var uv = kind switch
        {
            "its own path" => shim,
            "a link to it" => Path.Combine(DirectoryWith("uv", p => { File.CreateSymbolicLink(p, shim); return p; }), "uv"),
            "a copy of it" => CopyOfShim("uv"),
            _ => HardLink(shim),
        };

        var run = Run(user, shim, Path.GetDirectoryName(NativeTools.Shared.NativeUv)!, uv);

        AssertStoppedOnce(run, expectedStart, shim, uv);
        if (expectedStart != HandedOverToItself)
            Assert.EndsWith("which is uvshim itself; point it at the real uv", run.ErrorLines[0]);
    }

    [LinuxFact]
    public void A_uv_script_that_runs_uvshim_without_exec_stops_after_a_bounded_number_of_rounds()
    {
        using var user = TestUser.CreateUnprivileged();
        var shim = CopyOfShim();
        // A wrapper as people write them: a new process each round, so only the depth marker can tell.
        var wrapper = DirectoryWith("uv", uv =>
        {
            File.WriteAllText(uv, $"#!/bin/sh\n{shim} \"$@\"\n");
            File.SetUnixFileMode(uv, UnixFileModes.Public);
            return uv;
        });

        var run = Run(user, shim, wrapper, uv: "");

        Assert.True(run.Process.ExitCode == 2, run.ToString());
        Assert.Null(run.Record);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("uvshim: uvshim has run 16 times in a row", StringComparison.Ordinal));
        Assert.Empty(RunningFrom(shim));
    }

    private static string HardLink(string target)
    {
        var link = Path.Combine(Path.GetDirectoryName(target)!, "uv-hard-link");
        var ln = ExecutableLookup.Require("ln");
        using var process = System.Diagnostics.Process.Start(ln, [target, link]);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && File.Exists(link), "ln failed");
        return link;
    }
}
