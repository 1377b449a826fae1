using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Integration;

/// <summary>
/// Shared setup for the specs beyond install (uninstall, list/freeze/show, pip sync, project sync): the wheels
/// (<c>uvshim-demo 1.0</c>; <c>uvshim-other 2.0</c>, which requires uvshim-demo; <c>uvshim-devtool 1.5</c>, the sample
/// project's dev dependency), built once per class, and helpers that install into a user's site through uvshim.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UserSiteFixture : IDisposable
{
    private readonly string _wheelDirectory;

    public UserSiteFixture()
    {
        Binaries = ShimBinaries.Shared;
        _wheelDirectory = TestRunDirectory.CreateSubdirectory("user-site-wheels");
        Demo = WheelBuilder.Build(_wheelDirectory, "uvshim-demo", "1.0");
        Other = WheelBuilder.Build(_wheelDirectory, "uvshim-other", "2.0", requires: ["uvshim-demo"]);
        DevTool = WheelBuilder.Build(_wheelDirectory, "uvshim-devtool", "1.5");
    }

    public ShimBinaries Binaries { get; }

    /// <summary><c>uvshim-demo 1.0</c> (a system copy may hold 0.9 of it: <see cref="TestInterpreters.SystemPackages"/>).</summary>
    public BuiltWheel Demo { get; }

    /// <summary><c>uvshim-other 2.0</c>, <c>Requires-Dist: uvshim-demo</c>.</summary>
    public BuiltWheel Other { get; }

    /// <summary><c>uvshim-devtool 1.5</c>.</summary>
    public BuiltWheel DevTool { get; }

    /// <summary>Like <see cref="IntegrationFixture.ShimEnvironment"/>: HOME, PATH (interpreter first), UVSHIM_UV, runtime variables, extras.</summary>
    public Dictionary<string, string> ShimEnvironment(TestUser user, TestInterpreter? firstOnPath, params (string Name, string Value)[] extra)
    {
        var environment = user.Environment(IntegrationFixture.PathWith(firstOnPath));
        environment["UVSHIM_UV"] = Binaries.FakeUv;
        foreach (var (name, value) in Binaries.RuntimeEnvironment)
        {
            environment[name] = value;
        }
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }
        return environment;
    }

    /// <summary>
    /// Installs wheels into the user's site as a system install through uvshim (<c>UV_SYSTEM_PYTHON=1</c>, the
    /// interpreter first on PATH; <c>--break-system-packages</c> for an externally managed one) and checks that it went
    /// to the user base.
    /// </summary>
    public void InstallForUser(TestUser user, TestInterpreter python, params BuiltWheel[] wheels)
    {
        string[] breakSystemPackages = python.IsExternallyManaged ? ["--break-system-packages"] : [];
        var result = ShimProcessRunner.RunShim(
            user,
            ["pip", "install", "--no-index", .. breakSystemPackages, .. wheels.Select(w => w.Path)],
            ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1")));
        if (result.ExitCode != 0 || result.Records.Count != 1 || !result.Records[0].Arguments.Contains("--prefix"))
        {
            throw new InvalidOperationException($"Setup: installing {string.Join(", ", wheels.Select(w => w.FileName))} for {user} failed: {result}");
        }
        foreach (var wheel in wheels)
        {
            if (!Directory.Exists(Path.Combine(python.UserSitePackages(user), wheel.DistInfoDirectory)))
            {
                throw new InvalidOperationException($"Setup: {wheel.DistInfoDirectory} is not in {python.UserSitePackages(user)}: {result}");
            }
        }
    }

    public void Dispose() => TestRunDirectory.DeleteTree(_wheelDirectory);
}
