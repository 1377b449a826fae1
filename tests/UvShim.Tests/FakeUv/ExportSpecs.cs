using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Integration;

namespace UvShim.Tests.FakeUv;

/// <summary>
/// The fake uv's <c>uv export</c> in workspaces and with <c>--emit-index-url</c>/<c>--emit-find-links</c>, run directly
/// as the test user. With <c>UVSHIM_TEST_UV</c> the same runs go to a real uv, offline.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ExportSpecs(UserSiteFixture fixture) : IClassFixture<UserSiteFixture>
{
    private static TestInterpreter Python => TestInterpreters.UnwritableCopy;

    private ProcessResult Uv(TestUser user, string[] arguments, string workingDirectory) =>
        ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, arguments, user.Environment(IntegrationFixture.PathWith(Python)), workingDirectory);

    /// <summary>A workspace: a virtual root depending on member <c>m1</c>; <c>packages/m1</c> (editable) depends on
    /// uvshim-demo from a local index; <c>packages/m2</c> (editable) on nothing; <c>packages/skipped</c> excluded.</summary>
    private (string Root, string Index) Workspace(TestUser user, string indexSettings, string toolUv = "")
    {
        var index = LocalIndex.Create(user, "index", fixture.Demo);
        var root = user.CreateDirectory("workspace");
        FakeUvProject.Write(user, root, "pyproject.toml", $"""
            [project]
            name = "app"
            version = "0.1.0"
            requires-python = ">=3.8"
            dependencies = ["m1"]

            [tool.uv]
            package = false
            {toolUv}

            [tool.uv.sources]
            m1 = {"{"} workspace = true {"}"}

            [tool.uv.workspace]
            members = ["packages/*"]
            exclude = ["packages/skipped"]

            {indexSettings.Replace("{index}", LocalIndex.Url(index))}
            """);
        const string Member = """
            [project]
            name = "NAME"
            version = "0.1.0"
            requires-python = ">=3.8"
            dependencies = [DEPENDENCIES]

            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            """;
        FakeUvProject.Write(user, root, "packages/m1/pyproject.toml", Member.Replace("NAME", "m1").Replace("DEPENDENCIES", "\"uvshim-demo>=1.0\""));
        FakeUvProject.Write(user, root, "packages/m2/pyproject.toml", Member.Replace("NAME", "m2").Replace("DEPENDENCIES", ""));
        FakeUvProject.Write(user, root, "packages/skipped/README", "not a member\n");
        FakeUvProject.Write(user, root, "uv.lock", FakeUvProject.LockHeader + $$"""
            [manifest]
            members = [
                "app",
                "m1",
                "m2",
            ]

            [[package]]
            name = "app"
            version = "0.1.0"
            source = { virtual = "." }
            dependencies = [
                { name = "m1" },
            ]

            [package.metadata]
            requires-dist = [{ name = "m1", editable = "packages/m1" }]

            [[package]]
            name = "m1"
            version = "0.1.0"
            source = { editable = "packages/m1" }
            dependencies = [
                { name = "uvshim-demo" },
            ]

            [package.metadata]
            requires-dist = [{ name = "uvshim-demo", specifier = ">=1.0" }]

            [[package]]
            name = "m2"
            version = "0.1.0"
            source = { editable = "packages/m2" }

            {{FakeUvProject.RegistryPackage(index, fixture.Demo)}}

            """);
        return (root, index);
    }

    [Fact]
    public void Export_from_a_workspace_member_exports_that_member_with_paths_relative_to_the_workspace_root()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var (root, _) = Workspace(user, "");

        // Act
        var result = Uv(user, ["export", "--frozen", "--no-header"], Path.Combine(root, "packages", "m1"));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "-e ./packages/m1\n"
            + $"uvshim-demo==1.0 \\\n    --hash={SampleProject.Sha256(fixture.Demo.Path)}\n    # via m1\n",
            result.StandardOutput);
    }

    [Fact]
    public void Export_of_all_packages_lists_every_member_and_leaves_out_the_virtual_root()
    {
        using var user = TestUser.CreateUnprivileged();
        var (root, _) = Workspace(user, "");

        var all = Uv(user, ["export", "--frozen", "--no-header", "--no-hashes", "--all-packages"], root);
        var one = Uv(user, ["export", "--frozen", "--no-header", "--no-hashes", "--package", "m2"], root);
        var none = Uv(user, ["export", "--frozen", "--package", "skipped"], root);

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal("-e ./packages/m1\n    # via app\n-e ./packages/m2\nuvshim-demo==1.0\n    # via m1\n", all.StandardOutput);
        Assert.Equal("-e ./packages/m2\n", one.StandardOutput);
        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.Contains($"error: The workspace does not have a member skipped: {root}", none.StandardError);
    }

    [Fact]
    public void Export_emits_the_default_index_and_an_explicit_one_as_an_extra_index_url_with_uvs_warning()
    {
        // Arrange: the default index and an explicit one (only used when pinned through tool.uv.sources)
        using var user = TestUser.CreateUnprivileged();
        var pinned = LocalIndex.Create(user, "pinned", fixture.Other);
        var (root, index) = Workspace(user, $$"""
            [[tool.uv.index]]
            name = "local"
            url = "{index}"
            default = true

            [[tool.uv.index]]
            name = "pinned"
            url = "{{LocalIndex.Url(pinned)}}"
            explicit = true
            """);

        // Act
        var result = Uv(user, ["export", "--frozen", "--no-header", "--no-hashes", "--no-emit-workspace", "--emit-index-url"], root);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            $"--index-url {LocalIndex.Url(index)}\n--extra-index-url {LocalIndex.Url(pinned)}\n\nuvshim-demo==1.0\n    # via m1\n",
            result.StandardOutput);
        Assert.Contains(
            "warning: `requirements.txt` does not support per-package index pinning; explicit indexes were emitted globally via `--extra-index-url`.",
            result.StandardError);
    }

    [Fact]
    public void Export_without_a_default_index_emits_pypi_and_the_configured_one_as_extra_and_find_links()
    {
        using var user = TestUser.CreateUnprivileged();
        var links = LocalIndex.FindLinks(user, "links", fixture.DevTool);
        var (root, index) = Workspace(user, "[[tool.uv.index]]\nurl = \"{index}\"\n", $"find-links = [\"{links}\"]");

        var result = Uv(user, ["export", "--frozen", "--no-header", "--no-hashes", "--only-emit-package", "uvshim-demo", "--emit-index-url", "--emit-find-links", "-o", Path.Combine(root, "requirements.txt"), "-q"], root);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.StandardOutput);
        Assert.Equal(
            $"--index-url https://pypi.org/simple\n--extra-index-url {LocalIndex.Url(index)}\n--find-links {links}\n\nuvshim-demo==1.0\n    # via m1\n",
            File.ReadAllText(Path.Combine(root, "requirements.txt")));
    }
}
