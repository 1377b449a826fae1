using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Integration;

namespace UvShim.Tests.FakeUv;

/// <summary>
/// The fake uv's <c>uv pip install</c> of named requirements from local indexes and <c>--find-links</c> directories,
/// run directly as the test user into a prefix. With <c>UVSHIM_TEST_UV</c> the same runs go to a real uv, offline.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PipInstallFromIndexSpecs(UserSiteFixture fixture) : IClassFixture<UserSiteFixture>
{
    private static TestInterpreter Python => TestInterpreters.UnwritableCopy;

    private ProcessResult Uv(TestUser user, string[] arguments, string? workingDirectory = null) =>
        ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, arguments, user.Environment(IntegrationFixture.PathWith(Python)), workingDirectory);

    private static string[] Prefix(string prefix) => ["--prefix", prefix, "--python", Python.Executable];

    private static string Site(string prefix) => Path.Combine(prefix, "lib", $"python{Python.MajorMinor}", "site-packages");

    [Fact]
    public void Pip_install_resolves_a_named_requirement_and_its_dependency_from_a_file_index()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var index = LocalIndex.Create(user, "index", fixture.Demo, fixture.Other);
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");

        // Act
        var installed = Uv(user, ["pip", "install", .. Prefix(prefix), "--index-url", LocalIndex.Url(index), "uvshim-other"]);
        var freeze = Uv(user, ["pip", "freeze", .. Prefix(prefix)]);

        // Assert: registry installs, so no direct_url.json and plain name==version lines
        Assert.True(installed.ExitCode == 0, installed.ToString());
        Assert.Contains("Resolved 2 packages in ", installed.StandardError);
        Assert.Contains(" + uvshim-demo==1.0\n + uvshim-other==2.0\n", installed.StandardError);
        Assert.Equal("uvshim-demo==1.0\nuvshim-other==2.0\n", freeze.StandardOutput);
        Assert.False(File.Exists(Path.Combine(Site(prefix), fixture.Demo.DistInfoDirectory, "direct_url.json")));
    }

    [Fact]
    public void Pip_install_takes_a_package_from_the_first_index_that_has_it_extra_indexes_before_the_default()
    {
        // Arrange: the default index has a newer uvshim-demo than the extra one
        using var user = TestUser.CreateUnprivileged();
        var newer = WheelBuilder.Build(user.CreateDirectory("newer"), "uvshim-demo", "2.0");
        var defaultIndex = LocalIndex.Create(user, "default-index", newer);
        var extraIndex = LocalIndex.Create(user, "extra-index", fixture.Demo);
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");

        // Act
        var result = Uv(user, ["pip", "install", .. Prefix(prefix), "--index-url", LocalIndex.Url(defaultIndex), "--extra-index-url", LocalIndex.Url(extraIndex), "uvshim-demo"]);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(" + uvshim-demo==1.0\n", result.StandardError);
    }

    [Fact]
    public void Pip_install_from_exported_requirements_reads_the_index_and_find_links_lines_and_checks_hashes()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var index = LocalIndex.Create(user, "index", fixture.Demo);
        var links = LocalIndex.FindLinks(user, "links", fixture.DevTool);
        var work = user.CreateDirectory("work");
        user.WriteFile(Path.Combine(work, "requirements.txt"),
            $"--index-url {LocalIndex.Url(index)}\n--find-links {links}\n\n"
            + $"uvshim-demo==1.0 \\\n    --hash={SampleProject.Sha256(fixture.Demo.Path)}\nuvshim-devtool==1.5\n");
        user.WriteFile(Path.Combine(work, "tampered.txt"),
            $"--index-url {LocalIndex.Url(index)}\nuvshim-demo==1.0 \\\n    --hash=sha256:{new string('0', 64)}\n");
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");
        var other = Path.Combine(user.CreateDirectory("prefix"), "root");

        // Act
        var installed = Uv(user, ["pip", "install", .. Prefix(prefix), "-r", "requirements.txt"], work);
        var tampered = Uv(user, ["pip", "install", .. Prefix(other), "-r", "tampered.txt"], work);

        // Assert
        Assert.True(installed.ExitCode == 0, installed.ToString());
        Assert.Contains(" + uvshim-demo==1.0\n + uvshim-devtool==1.5\n", installed.StandardError);
        Assert.True(tampered.ExitCode == 1, tampered.ToString());
        Assert.Contains("Hash mismatch for `uvshim-demo==1.0`", tampered.StandardError);
        Assert.False(Directory.Exists(Path.Combine(Site(other), fixture.Demo.DistInfoDirectory)));
    }

    [Fact]
    public void Pip_install_reads_the_index_of_the_projects_uv_settings()
    {
        // Arrange: uv's pip interface combines [tool.uv.pip] with the top-level [tool.uv] index settings
        using var user = TestUser.CreateUnprivileged();
        var index = LocalIndex.Create(user, "index", fixture.Demo);
        var project = user.CreateDirectory("project");
        FakeUvProject.Write(user, project, "pyproject.toml", FakeUvProject.VirtualProject("app", index));
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");

        // Act
        var result = Uv(user, ["pip", "install", .. Prefix(prefix), "uvshim-demo==1.0"], project);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(" + uvshim-demo==1.0\n", result.StandardError);
    }

    [Fact]
    public void Pip_install_of_a_named_requirement_with_no_index_fails_like_uvs_resolver()
    {
        using var user = TestUser.CreateUnprivileged();
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");

        var result = Uv(user, ["pip", "install", .. Prefix(prefix), "--no-index", "uvshim-demo"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("No solution found when resolving dependencies:", result.StandardError);
        Assert.Contains(
            "Because uvshim-demo was not found in the provided package locations and you require uvshim-demo, we can conclude that your requirements are unsatisfiable.",
            result.StandardError);
        Assert.Contains("hint: Packages were unavailable because index lookups were disabled and no additional package locations were provided", result.StandardError);
    }

    [Fact]
    public void Pip_install_of_a_version_no_index_has_fails_like_uvs_resolver()
    {
        using var user = TestUser.CreateUnprivileged();
        var index = LocalIndex.Create(user, "index", fixture.Demo);
        var prefix = Path.Combine(user.CreateDirectory("prefix"), "root");

        var result = Uv(user, ["pip", "install", .. Prefix(prefix), "--index-url", LocalIndex.Url(index), "uvshim-demo==9.0"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(
            "Because there is no version of uvshim-demo==9.0 and you require uvshim-demo==9.0, we can conclude that your requirements are unsatisfiable.",
            result.StandardError);
    }
}
