using System.Text.RegularExpressions;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Packaging;

/// <summary>
/// The container examples accept what the SDK installs on each architecture they build for (the packages that
/// UvShim.csproj packs), and nothing else: docker is not run by the tests (CI builds both, on x64 and arm64).
/// </summary>
public sealed partial class ContainerExampleSpecs
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "docker", name));

    private static IReadOnlyList<string> PackedRids()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "UvShim", "UvShim.csproj"));
        return ToolPackageRids().Match(project).Groups[1].Value.Split(';');
    }

    [Fact]
    public void The_glibc_example_takes_the_NativeAOT_binary_of_both_architectures()
    {
        var dockerfile = Read("Dockerfile");

        foreach (var rid in new[] { "linux-x64", "linux-arm64" })
        {
            Assert.Contains(rid, PackedRids());
            Assert.Contains($"*/tools/any/{rid}/uvshim", dockerfile);
        }
        Assert.Contains("FROM python:3.12-slim", dockerfile);
    }

    [Fact]
    public void The_Alpine_example_takes_the_musl_package_each_architecture_resolves_to()
    {
        var dockerfile = Read("Dockerfile.alpine");

        Assert.Contains("linux-musl-x64", PackedRids());
        Assert.Contains("linux-musl", PackedRids());
        Assert.Contains("amd64:*/tools/any/linux-musl-x64/uvshim)", dockerfile);
        Assert.Contains("uvshim.linux-musl/$UVSHIM_VERSION/tools/net10.0/linux-musl/uvshim.dll", dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0-alpine AS uvshim", dockerfile);
        Assert.Contains("FROM python:3.12-alpine", dockerfile);
        Assert.Contains("FROM with-uvshim-${TARGETARCH}", dockerfile);
    }

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("Dockerfile.alpine")]
    public void Both_examples_end_with_doctor_and_a_user_install_as_app(string name)
    {
        var dockerfile = Read(name);

        Assert.Contains("USER app", dockerfile);
        Assert.Contains("ln -s /usr/local/bin/uvshim /opt/uvshim/bin/uv", dockerfile);
        Assert.Matches(@"RUN uv shim doctor \\\s*\n\s*&& uv pip install httpx", dockerfile);
    }

    [GeneratedRegex("<ToolPackageRuntimeIdentifiers>([^<]+)</ToolPackageRuntimeIdentifiers>")]
    private static partial Regex ToolPackageRids();
}
