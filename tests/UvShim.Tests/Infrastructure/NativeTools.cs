using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// Two small C programs, compiled once per run with the machine's C compiler (<c>cc</c>, <c>gcc</c> or <c>clang</c>:
/// scripts/prerequisites.sh installs clang for NativeAOT) into a 0755 directory the test user can reach:
/// <list type="bullet">
/// <item><see cref="NativeUv"/> (Hostile/Native/native-uv.c): a uv stand-in that starts in a millisecond, records its
/// argv bytes, PID, ignored-signal mask and terminals (<see cref="NativeUvRecord"/>), and exits with a chosen status;</item>
/// <item><see cref="Driver"/> (Hostile/Native/shim-driver.c): runs a program once per case with raw byte arguments
/// (which .NET's Process API cannot pass) and reports each wait status (<see cref="ShimDriver"/>).</item>
/// </list>
/// The .NET fake uv takes about 50 ms to start, too slow for ten thousand runs.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class NativeTools
{
    private static readonly Lazy<NativeTools> Instance = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    private NativeTools(string nativeUv, string driver, string compiler)
    {
        NativeUv = nativeUv;
        Driver = driver;
        Compiler = compiler;
    }

    public static NativeTools Shared => Instance.Value;

    /// <summary>The native uv stand-in: give it to uvshim as <c>UVSHIM_UV</c>.</summary>
    public string NativeUv { get; }

    /// <summary>The batch launcher.</summary>
    public string Driver { get; }

    /// <summary>The compiler that built them.</summary>
    public string Compiler { get; }

    private static NativeTools Build()
    {
        var compiler = new[] { "cc", "gcc", "clang" }.Select(name => ExecutableLookup.OnPath(name)).OfType<string>().FirstOrDefault()
            ?? throw new InvalidOperationException(
                "No C compiler (cc, gcc or clang) on PATH: the hostile-input tests compile two small helpers. "
                + "scripts/prerequisites.sh installs clang.");
        var sources = Path.Combine(AppContext.BaseDirectory, "Hostile", "Native");
        var output = TestRunDirectory.CreateSubdirectory("native");
        using var builder = TestUser.CreateCurrent();
        var environment = builder.Environment(Environment.GetEnvironmentVariable("PATH"));
        string Compile(string name)
        {
            var source = Path.Combine(sources, name + ".c");
            if (!File.Exists(source))
            {
                throw new InvalidOperationException($"{source} is missing from the test output directory (Content item in UvShim.Tests.csproj).");
            }
            var binary = Path.Combine(output, name);
            var result = ShimProcessRunner.Run(builder, compiler, ["-O2", "-Wall", "-o", binary, source], environment, output, TimeSpan.FromMinutes(2));
            if (result.ExitCode != 0 || !File.Exists(binary))
            {
                throw new InvalidOperationException($"{compiler} could not build {source}: {result}");
            }
            File.SetUnixFileMode(binary, UnixFileModes.Public);
            return binary;
        }
        return new NativeTools(Compile("native-uv"), Compile("shim-driver"), compiler);
    }
}
