using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Integration;

/// <summary>
/// Shared, expensive setup for an integration test class: the copied binaries (once per run), a test wheel
/// (once per class), and the environments the tests start programs with. Interpreters are prepared lazily,
/// once per run, by <see cref="TestInterpreters"/> when a test first asks for one.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class IntegrationFixture : IDisposable
{
    private readonly string _wheelDirectory;

    public IntegrationFixture()
    {
        Binaries = ShimBinaries.Shared;
        _wheelDirectory = TestRunDirectory.CreateSubdirectory("wheels");
        Wheel = WheelBuilder.Build(_wheelDirectory, "uvshim-demo", "1.0");
    }

    public ShimBinaries Binaries { get; }

    /// <summary><c>uvshim-demo 1.0</c>: package <c>uvshim_demo</c>, console script <c>uvshim-demo-cli</c>.</summary>
    public BuiltWheel Wheel { get; }

    public static TestInterpreter DebianPython =>
        TestInterpreters.DebianSystem
        ?? throw new InvalidOperationException("This test needs Debian's externally managed /usr/bin/python3, which this machine does not have.");

    /// <summary>PATH with the interpreter's directory first (when given), then <see cref="TestUser.DefaultPath"/>.</summary>
    public static string PathWith(TestInterpreter? firstOnPath, params string[] moreDirectories)
    {
        var directories = new List<string>();
        if (firstOnPath is not null)
        {
            directories.Add(firstOnPath.BinDirectory);
        }
        directories.AddRange(moreDirectories);
        directories.AddRange(TestUser.DefaultPath.Split(':'));
        return string.Join(':', directories.Distinct());
    }

    /// <summary>HOME, PATH (interpreter first), <c>UVSHIM_UV</c> naming the fake uv, what the apphosts need
    /// (<see cref="ShimBinaries.RuntimeEnvironment"/>, usually nothing), plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string> ShimEnvironment(TestUser user, TestInterpreter? firstOnPath, params (string Name, string Value)[] extra)
    {
        var environment = user.Environment(PathWith(firstOnPath));
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

    public void Dispose() => TestRunDirectory.DeleteTree(_wheelDirectory);
}
