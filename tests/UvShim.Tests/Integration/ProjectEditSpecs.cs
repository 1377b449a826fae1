using System.Runtime.Versioning;
using UvShim.Tests.FakeUv;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// <c>uv add</c>, <c>uv remove</c> and <c>uv sync</c> as uv's documentation has them, with <c>UV_PROJECT_ENVIRONMENT</c> at
/// the user base (which uv cannot open as an environment): the edit runs with <c>--no-sync</c>, then the new lock goes
/// into the user site. Projects take their packages from a local index, as a project with its own index would.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ProjectEditSpecs(UserSiteFixture fixture) : IClassFixture<UserSiteFixture>
{
    private const string RootPackage = """
        [[package]]
        name = "app"
        version = "0.1.0"
        source = { virtual = "." }
        """;

    private static TestInterpreter Python => TestInterpreters.UnwritableCopy;

    private static TestUser UserWithUserBase()
    {
        var user = TestUser.CreateUnprivileged();
        Directory.CreateDirectory(Path.Combine(user.UserBase, "share"));
        user.GiveOwnership(user.UserBase);
        return user;
    }

    private Dictionary<string, string> Environment(TestUser user) =>
        fixture.ShimEnvironment(user, Python, [("UV_PROJECT_ENVIRONMENT", user.UserBase)]);

    private static void AssertImports(TestUser user, BuiltWheel wheel)
    {
        var imported = ShimProcessRunner.Run(
            user, Python.Executable, ["-c", $"import {wheel.ImportName}; print({wheel.ImportName}.GREETING)"], user.Environment(IntegrationFixture.PathWith(Python)));
        Assert.True(imported.ExitCode == 0, $"import failed: {imported}");
        Assert.Equal(wheel.Greeting, imported.StandardOutput.Trim());
    }

    private static void AssertUserInstallFrom(FakeUvRecord install, TestUser user, string root) =>
        Assert.Equal(["--directory", root, "pip", "install", "--prefix", user.UserBase, "--python", Python.Executable, "-r"],
            install.Arguments.Take(9));

    [LinuxFact]
    public void Add_updates_the_project_without_syncing_then_installs_the_new_lock_into_the_user_site()
    {
        // Arrange
        using var user = UserWithUserBase();
        var index = LocalIndex.Create(user, "index", fixture.Demo, fixture.Other);
        var project = user.CreateDirectory("project");
        FakeUvProject.Write(user, project, "pyproject.toml", FakeUvProject.VirtualProject("app", index));
        FakeUvProject.Write(user, project, "uv.lock", FakeUvProject.LockHeader + RootPackage + "\n");

        // Act
        var result = ShimProcessRunner.RunShim(user, ["add", "uvshim-other"], Environment(user), project);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, result.Records.Count);
        Assert.Equal(["add", "--no-sync", "uvshim-other"], result.Records[0].Arguments);
        Assert.Equal("export", result.Records[1].Arguments[0]);
        Assert.Contains("--frozen", result.Records[1].Arguments);
        AssertUserInstallFrom(result.Records[2], user, project);
        Assert.Contains("uvshim-other", File.ReadAllText(Path.Combine(project, "pyproject.toml")));
        AssertImports(user, fixture.Other);
        AssertImports(user, fixture.Demo);
    }

    [LinuxFact]
    public void Add_with_an_option_of_the_sync_moves_it_to_the_export()
    {
        using var user = UserWithUserBase();
        var index = LocalIndex.Create(user, "index", fixture.Demo, fixture.Other);
        var project = user.CreateDirectory("project");
        FakeUvProject.Write(user, project, "pyproject.toml", FakeUvProject.VirtualProject("app", index));
        FakeUvProject.Write(user, project, "uv.lock", FakeUvProject.LockHeader + RootPackage + "\n");

        // --no-install-project conflicts with --no-sync in uv add (crates/uv-cli/src/lib.rs AddArgs).
        var result = ShimProcessRunner.RunShim(user, ["add", "--no-install-project", "uvshim-demo"], Environment(user), project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["add", "--no-sync", "uvshim-demo"], result.Records[0].Arguments);
        Assert.Contains("--no-install-project", result.Records[1].Arguments);
        AssertImports(user, fixture.Demo);
    }

    [LinuxFact]
    public void Remove_updates_the_project_without_syncing_and_leaves_the_user_site_alone()
    {
        // Arrange: app depends on uvshim-demo, which is installed in the user site
        using var user = UserWithUserBase();
        var index = LocalIndex.Create(user, "index", fixture.Demo);
        var project = user.CreateDirectory("project");
        FakeUvProject.Write(user, project, "pyproject.toml", FakeUvProject.VirtualProject("app", index, "uvshim-demo>=1.0"));
        FakeUvProject.Write(user, project, "uv.lock", FakeUvProject.LockHeader
            + RootPackage + "\ndependencies = [\n    { name = \"uvshim-demo\" },\n]\n\n[package.metadata]\nrequires-dist = [{ name = \"uvshim-demo\", specifier = \">=1.0\" }]\n\n"
            + FakeUvProject.RegistryPackage(index, fixture.Demo) + "\n");
        Assert.True(ShimProcessRunner.RunShim(user, ["sync", "--frozen"], Environment(user), project).ExitCode == 0);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["remove", "uvshim-demo"], Environment(user), project);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["remove", "--no-sync", "uvshim-demo"], result.Records[0].Arguments);
        Assert.DoesNotContain("uvshim-demo", File.ReadAllText(Path.Combine(project, "uv.lock")));
        AssertImports(user, fixture.Demo);
    }

    [LinuxFact]
    public void Add_with_no_sync_is_handed_over_unchanged()
    {
        using var user = UserWithUserBase();
        var index = LocalIndex.Create(user, "index", fixture.Demo);
        var project = user.CreateDirectory("project");
        FakeUvProject.Write(user, project, "pyproject.toml", FakeUvProject.VirtualProject("app", index));
        FakeUvProject.Write(user, project, "uv.lock", FakeUvProject.LockHeader + RootPackage + "\n");

        var result = ShimProcessRunner.RunShim(user, ["add", "--frozen", "uvshim-demo"], Environment(user), project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["add", "--frozen", "uvshim-demo"], result.SingleRecord.Arguments);
    }

    [LinuxFact]
    public void A_package_pinned_to_an_explicit_index_is_installed_from_that_index()
    {
        // Arrange: uvshim-demo comes from an explicit index that only [tool.uv.sources] names
        using var user = UserWithUserBase();
        var pinned = LocalIndex.Create(user, "pinned", fixture.Demo);
        var project = user.CreateDirectory("project");
        FakeUvProject.Write(user, project, "pyproject.toml", $$"""
            [project]
            name = "app"
            version = "0.1.0"
            requires-python = ">=3.8"
            dependencies = ["uvshim-demo"]

            [tool.uv]
            package = false

            [[tool.uv.index]]
            name = "pinned"
            url = "{{LocalIndex.Url(pinned)}}"
            explicit = true

            [tool.uv.sources]
            uvshim-demo = { index = "pinned" }

            """);
        FakeUvProject.Write(user, project, "uv.lock", FakeUvProject.LockHeader
            + RootPackage + "\ndependencies = [\n    { name = \"uvshim-demo\" },\n]\n\n[package.metadata]\nrequires-dist = [{ name = \"uvshim-demo\", index = \"" + LocalIndex.Url(pinned) + "\" }]\n\n"
            + FakeUvProject.RegistryPackage(pinned, fixture.Demo) + "\n");

        // Act
        var result = ShimProcessRunner.RunShim(user, ["sync", "--frozen"], Environment(user), project);

        // Assert: the exported file names the index (uv export --emit-index-url), so pip install finds the package
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--emit-index-url", result.Records[0].Arguments);
        AssertImports(user, fixture.Demo);
    }

    [LinuxFact]
    public void A_sync_with_directory_applies_it_once()
    {
        // Arrange: the project lives in ./app below where the user types the command
        using var user = UserWithUserBase();
        var index = LocalIndex.Create(user, "index", fixture.Demo);
        var parent = user.CreateDirectory("work");
        var project = Path.Combine(parent, "app");
        FakeUvProject.Write(user, project, "pyproject.toml", FakeUvProject.VirtualProject("app", index, "uvshim-demo"));
        FakeUvProject.Write(user, project, "uv.lock", FakeUvProject.LockHeader
            + RootPackage + "\ndependencies = [\n    { name = \"uvshim-demo\" },\n]\n\n" + FakeUvProject.RegistryPackage(index, fixture.Demo) + "\n");

        // Act
        var result = ShimProcessRunner.RunShim(user, ["--directory", "app", "sync", "--frozen"], Environment(user), parent);

        // Assert: export as typed, install with the project root as its only directory
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["--directory", "app", "export"], result.Records[0].Arguments.Take(3));
        AssertUserInstallFrom(result.Records[1], user, project);
        Assert.Single(result.Records[1].Arguments, "--directory");
        AssertImports(user, fixture.Demo);
    }
}
