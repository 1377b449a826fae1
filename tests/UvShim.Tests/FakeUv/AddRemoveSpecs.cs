using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Integration;

namespace UvShim.Tests.FakeUv;

/// <summary>
/// The fake uv's <c>uv add</c> and <c>uv remove</c>: <c>project.dependencies</c> edited as uv writes it, <c>uv.lock</c>
/// updated from what the project's index offers, the environment found as add.rs and remove.rs find it. Run directly
/// as the test user; with <c>UVSHIM_TEST_UV</c> the same runs go to a real uv, offline.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class AddRemoveSpecs(UserSiteFixture fixture) : IClassFixture<UserSiteFixture>
{
    private const string RootPackage = """
        [[package]]
        name = "app"
        version = "0.1.0"
        source = { virtual = "." }
        """;

    private static TestInterpreter Python => TestInterpreters.UnwritableCopy;

    private ProcessResult Uv(TestUser user, string[] arguments, string workingDirectory, params (string Name, string Value)[] extra)
    {
        var environment = user.Environment(IntegrationFixture.PathWith(Python));
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }
        return ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, arguments, environment, workingDirectory);
    }

    /// <summary>A virtual project without dependencies, locked, whose index offers uvshim-demo and uvshim-other.</summary>
    private (string Project, string Index) EmptyProject(TestUser user)
    {
        var index = LocalIndex.Create(user, "index", fixture.Demo, fixture.Other);
        var project = user.CreateDirectory("project");
        FakeUvProject.Write(user, project, "pyproject.toml", FakeUvProject.VirtualProject("app", index));
        FakeUvProject.Write(user, project, "uv.lock", FakeUvProject.LockHeader + RootPackage + "\n");
        return (project, index);
    }

    /// <summary>An invalid project environment: the lived-in user base.</summary>
    private static (string Name, string Value) UserBaseAsEnvironment(TestUser user)
    {
        Directory.CreateDirectory(Path.Combine(user.UserBase, "share"));
        user.GiveOwnership(user.UserBase);
        return ("UV_PROJECT_ENVIRONMENT", user.UserBase);
    }

    private static string Read(string project, string file) => File.ReadAllText(Path.Combine(project, file));

    [Fact]
    public void Add_with_no_sync_edits_pyproject_and_lock_and_passes_over_an_invalid_project_environment()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var (project, index) = EmptyProject(user);

        // Act
        var result = Uv(user, ["add", "--no-sync", "uvshim-other"], project, UserBaseAsEnvironment(user));

        // Assert: the dependency with uv's lower bound, both packages locked from the index, the project's edges
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("dependencies = [\n    \"uvshim-other>=2.0\",\n]\n", Read(project, "pyproject.toml"));
        var lockText = Read(project, "uv.lock");
        Assert.Contains(
            RootPackage + "\ndependencies = [\n    { name = \"uvshim-other\" },\n]\n\n[package.metadata]\nrequires-dist = [{ name = \"uvshim-other\", specifier = \">=2.0\" }]\n",
            lockText);
        Assert.Contains($"name = \"uvshim-demo\"\nversion = \"1.0\"\nsource = {{ registry = \"{index}\" }}\n", lockText);
        Assert.Contains($"name = \"uvshim-other\"\nversion = \"2.0\"\nsource = {{ registry = \"{index}\" }}\ndependencies = [\n    {{ name = \"uvshim-demo\" }},\n]\n", lockText);
        Assert.Contains($"hash = \"{SampleProject.Sha256(fixture.Other.Path)}\"", lockText);
        Assert.Contains("Resolved 3 packages in ", result.StandardError);
        Assert.DoesNotContain("Installed", result.StandardError);
    }

    [Fact]
    public void Add_that_syncs_fails_at_an_invalid_project_environment_before_changing_anything()
    {
        using var user = TestUser.CreateUnprivileged();
        var (project, _) = EmptyProject(user);
        var pyproject = Read(project, "pyproject.toml");

        var result = Uv(user, ["add", "uvshim-demo"], project, UserBaseAsEnvironment(user));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error: Project virtual environment directory `{user.UserBase}` cannot be used because it is not a valid Python environment", result.StandardError);
        Assert.Equal(pyproject, Read(project, "pyproject.toml"));
    }

    [Fact]
    public void Add_with_frozen_edits_only_pyproject_without_a_bound()
    {
        using var user = TestUser.CreateUnprivileged();
        var (project, _) = EmptyProject(user);
        var lockText = Read(project, "uv.lock");

        var result = Uv(user, ["add", "--frozen", "uvshim-demo"], project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("dependencies = [\n    \"uvshim-demo\",\n]\n", Read(project, "pyproject.toml"));
        Assert.Equal(lockText, Read(project, "uv.lock"));
    }

    [Fact]
    public void Add_syncs_the_new_package_into_a_new_project_environment()
    {
        using var user = TestUser.CreateUnprivileged();
        var (project, _) = EmptyProject(user);
        var venv = Path.Combine(user.CreateDirectory("venvs"), "env");

        var result = Uv(user, ["add", "uvshim-demo"], project, ("UV_PROJECT_ENVIRONMENT", venv));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Creating virtual environment at: {venv}", result.StandardError);
        Assert.Contains(" + uvshim-demo==1.0\n", result.StandardError);
        Assert.True(Directory.Exists(Path.Combine(venv, "lib", $"python{Python.MajorMinor}", "site-packages", fixture.Demo.DistInfoDirectory)));
    }

    [Fact]
    public void Remove_takes_the_package_out_of_pyproject_and_lock_and_nothing_else()
    {
        // Arrange: app depends on uvshim-other (which needs uvshim-demo) and on uvshim-devtool
        using var user = TestUser.CreateUnprivileged();
        var index = LocalIndex.Create(user, "index", fixture.Demo, fixture.Other, fixture.DevTool);
        var project = user.CreateDirectory("project");
        FakeUvProject.Write(user, project, "pyproject.toml", FakeUvProject.VirtualProject("app", index, "uvshim-devtool>=1.5", "uvshim-other>=2.0"));
        FakeUvProject.Write(user, project, "uv.lock", FakeUvProject.LockHeader + RootPackage + $$"""

            dependencies = [
                { name = "uvshim-devtool" },
                { name = "uvshim-other" },
            ]

            [package.metadata]
            requires-dist = [
                { name = "uvshim-devtool", specifier = ">=1.5" },
                { name = "uvshim-other", specifier = ">=2.0" },
            ]

            {{FakeUvProject.RegistryPackage(index, fixture.Demo)}}

            {{FakeUvProject.RegistryPackage(index, fixture.DevTool)}}

            {{FakeUvProject.RegistryPackage(index, fixture.Other, "uvshim-demo")}}

            """);

        // Act
        var result = Uv(user, ["remove", "--no-sync", "uvshim-devtool"], project, UserBaseAsEnvironment(user));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("dependencies = [\n    \"uvshim-other>=2.0\",\n]\n", Read(project, "pyproject.toml"));
        var lockText = Read(project, "uv.lock");
        Assert.DoesNotContain("uvshim-devtool", lockText);
        Assert.Contains("name = \"uvshim-demo\"", lockText);
        Assert.Contains("requires-dist = [{ name = \"uvshim-other\", specifier = \">=2.0\" }]", lockText);
        Assert.Contains("Resolved 3 packages in ", result.StandardError);
    }

    [Fact]
    public void Remove_of_a_dependency_the_project_does_not_have_fails_like_uv()
    {
        using var user = TestUser.CreateUnprivileged();
        var (project, _) = EmptyProject(user);

        var result = Uv(user, ["remove", "uvshim-demo"], project);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: The dependency `uvshim-demo` could not be found in `project.dependencies`", result.StandardError);
    }
}
