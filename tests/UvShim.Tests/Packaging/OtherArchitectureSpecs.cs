using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using UvShim.Tests.Hostile;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;
using UvShim.Tests.Integration;

namespace UvShim.Tests.Packaging;

/// <summary>
/// The NativeAOT package of the other Linux architecture (linux-arm64 on an x86_64 host, linux-x64 on an aarch64 one),
/// cross-compiled by scripts/pack.sh: its binary is for that architecture, and under qemu-user it does a cold rewrite
/// like the host's (the probe spawns the host's interpreter, and uvshim execs the host's recording uv: the kernel runs
/// those natively). Needs the packages scripts/test.sh packs (<c>UVSHIM_TEST_PACKAGES</c>): Skipped in a bare
/// <c>dotnet test</c>, which packs only the framework-dependent tool (<see cref="NativeAotPackagesFactAttribute"/>).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class OtherArchitectureSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{

    internal static (string Rid, int Machine, string Qemu, string SysRoot)? Other => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => ("linux-arm64", ElfFile.MachineArm64, "qemu-aarch64", "/usr/aarch64-linux-gnu"),
        Architecture.Arm64 => ("linux-x64", ElfFile.MachineX64, "qemu-x86_64", "/usr/x86_64-linux-gnu"),
        _ => null,
    };

    [NativeAotPackagesFact("the other architecture's NativeAOT package")]
    public void The_other_architectures_package_holds_its_NativeAOT_binary_which_rewrites_an_install_under_qemu()
    {
        var packages = Environment.GetEnvironmentVariable(PackedTool.PackagesVariable)!;
        var other = Other!.Value;
        var version = PackedTool.PointerVersion(packages);
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");
        var binary = Extract(Path.Combine(packages, $"uvshim.{other.Rid}.{version}.nupkg"), $"tools/any/{other.Rid}/uvshim", user);

        Assert.Equal(other.Machine, ElfFile.Machine(binary));
        var qemu = ExecutableLookup.OnPath(other.Qemu) ?? throw new Xunit.Sdk.XunitException($"{other.Qemu} is not on PATH (scripts/prerequisites.sh installs qemu-user)");
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));
        var run = NativeRun.Shim(user, ["-L", other.SysRoot, binary, "pip", "install", fixture.Wheel.Path], environment, work, TimeSpan.FromMinutes(2), program: qemu);

        Assert.True(run.Process.ExitCode == 0, run.ToString());
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", python.Executable, fixture.Wheel.Path], run.Arguments);
        Assert.Contains(HostileEnvironmentSpecs.Defaulting, run.Process.StandardError);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(user.Home, ".cache", "uvshim")));
    }

    private static string Extract(string package, string entryName, TestUser user)
    {
        Assert.True(File.Exists(package), $"{package} was not packed");
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(entryName) ?? throw new Xunit.Sdk.XunitException($"{package} has no {entryName}");
        var path = Path.Combine(user.CreateDirectory("other-architecture"), "uvshim");
        entry.ExtractToFile(path);
        File.SetUnixFileMode(path, UnixFileModes.Public);
        user.GiveOwnership(path);
        return path;
    }
}
