using System.Runtime.Versioning;
using UvShim.Tests.Hostile;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using UvShim.Tests.Integration;
using Xunit.Abstractions;

namespace UvShim.Tests.Packaging;

/// <summary>
/// What Alpine on x86_64 installs (the linux-musl-x64 package, resolved by the SDK as on Alpine), run here under musl's
/// own loader: libc is Debian's musl 1.2.3 (older than Alpine 3.20's 1.2.5: no statx wrapper), the C++ runtime the
/// .NET runtime needs is <see cref="MuslLibraries"/>. It does a cold rewrite like the NativeAOT binary: it probes the
/// interpreter (spawned, glibc's own), caches the answer, and execs the recording uv.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class MuslSpecs(IntegrationFixture fixture, ITestOutputHelper output) : IClassFixture<IntegrationFixture>
{
    [PackedPackagesFact(hostArchitecture: "x64")]
    public void The_package_Alpine_installs_runs_under_musl_and_rewrites_an_install()
    {
        var packages = Environment.GetEnvironmentVariable(PackedTool.PackagesVariable)!;
        using var installer = TestUser.CreateCurrent();
        var installed = new RuntimeIdentifierSpecs(output).Install(packages, "linux-musl-x64", installer);
        Assert.Equal(MuslLibraries.Loader, ElfFile.Interpreter(installed.Target));
        using var user = TestUser.CreateUnprivileged();
        var binary = Path.Combine(user.CreateDirectory("musl"), "uvshim");
        File.Copy(installed.Target, binary);
        File.SetUnixFileMode(binary, UnixFileModes.Public);
        user.GiveOwnership(binary);
        var work = user.CreateDirectory("work");
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("LD_LIBRARY_PATH", MuslLibraries.Directory));

        var version = ShimProcessRunner.Run(user, binary, ["shim", "version"], environment, work, TimeSpan.FromMinutes(1));
        var run = NativeRun.Shim(user, ["pip", "install", fixture.Wheel.Path], environment, work, TimeSpan.FromMinutes(2), program: binary);

        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith("uvshim ", version.StandardOutput);
        Assert.True(run.Process.ExitCode == 0, run.ToString());
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, fixture.Wheel.Path], run.Arguments);
        Assert.Contains(HostileEnvironmentSpecs.Defaulting, run.Process.StandardError);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(user.Home, ".cache", "uvshim")));
    }
}
