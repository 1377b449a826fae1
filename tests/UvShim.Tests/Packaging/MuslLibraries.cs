using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Packaging;

/// <summary>
/// What it takes to run the linux-musl-x64 package on this Debian machine: Debian's musl (the loader,
/// <c>/lib/ld-musl-x86_64.so.1</c>, and <c>musl-gcc</c>) and a directory for <c>LD_LIBRARY_PATH</c> holding the two
/// C++ runtime libraries the .NET runtime needs besides libc (Debian's libstdc++.so.6 and libgcc_s.so.1: Alpine's
/// are not to be had here) and Packaging/Native/glibc-compat.c built with musl-gcc for the glibc-only symbols those
/// two take. libc itself is musl. Built once per run into a directory everyone can read.
/// </summary>
[SupportedOSPlatform("linux")]
public static class MuslLibraries
{
    public const string Loader = "/lib/ld-musl-x86_64.so.1";

    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The directory to put on <c>LD_LIBRARY_PATH</c>.</summary>
    public static string Directory => Built.Value;

    private static string Build()
    {
        if (!File.Exists(Loader))
            throw new InvalidOperationException($"{Loader} is missing (Debian's musl package; scripts/prerequisites.sh installs it)");
        var compiler = ExecutableLookup.OnPath("musl-gcc")
            ?? throw new InvalidOperationException("musl-gcc is not on PATH (Debian's musl-tools; scripts/prerequisites.sh installs it)");
        var output = TestRunDirectory.CreateSubdirectory("musl-libraries");
        File.SetUnixFileMode(output, UnixFileModes.Public);
        foreach (var name in new[] { "libstdc++.so.6", "libgcc_s.so.1" })
        {
            var source = new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu" }.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException($"Debian's {name} is not in /usr/lib/x86_64-linux-gnu or /lib/x86_64-linux-gnu");
            File.Copy(source, Path.Combine(output, name));
            File.SetUnixFileMode(Path.Combine(output, name), UnixFileModes.Public);
        }
        var compat = Path.Combine(AppContext.BaseDirectory, "Packaging", "Native", "glibc-compat.c");
        var library = Path.Combine(output, "ld-linux-x86-64.so.2");
        using var builder = TestUser.CreateCurrent();
        var result = ShimProcessRunner.Run(builder, compiler, ["-shared", "-fPIC", "-O2", "-Wall", "-o", library, compat],
            builder.Environment(Environment.GetEnvironmentVariable("PATH")), output, TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0 || !File.Exists(library))
            throw new InvalidOperationException($"musl-gcc could not build {compat}: {result}");
        File.SetUnixFileMode(library, UnixFileModes.Public);
        return output;
    }
}
