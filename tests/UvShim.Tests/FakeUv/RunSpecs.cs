using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Integration;

namespace UvShim.Tests.FakeUv;

/// <summary>
/// The fake uv's <c>uv run</c>: the project environment found (and synced) as uv's run.rs does, then the command as a
/// child with the environment's scripts first on PATH. Run directly as the test user; with <c>UVSHIM_TEST_UV</c> the
/// same runs go to a real uv, offline.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RunSpecs(UserSiteFixture fixture) : IClassFixture<UserSiteFixture>
{
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

    /// <summary>A virtual project depending on uvshim-demo from a local index, locked.</summary>
    private string Project(TestUser user)
    {
        var index = LocalIndex.Create(user, "index", fixture.Demo);
        var project = user.CreateDirectory("project");
        FakeUvProject.Write(user, project, "pyproject.toml", FakeUvProject.VirtualProject("app", index, "uvshim-demo>=1.0"));
        FakeUvProject.Write(user, project, "uv.lock", FakeUvProject.LockHeader + $$"""
            [[package]]
            name = "app"
            version = "0.1.0"
            source = { virtual = "." }
            dependencies = [
                { name = "uvshim-demo" },
            ]

            [package.metadata]
            requires-dist = [{ name = "uvshim-demo", specifier = ">=1.0" }]

            {{FakeUvProject.RegistryPackage(index, fixture.Demo)}}

            """);
        return project;
    }

    [Fact]
    public void Run_in_a_project_syncs_its_environment_and_runs_the_command_with_the_environments_scripts_first()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var project = Project(user);
        var venv = Path.Combine(user.CreateDirectory("venvs"), "env");

        // Act
        var script = Uv(user, ["run", fixture.Demo.ScriptName], project, ("UV_PROJECT_ENVIRONMENT", venv));
        var python = Uv(user, ["run", "python", "-c", "import os, sys; print(sys.prefix); print(os.environ['VIRTUAL_ENV']); print(os.environ['PATH'].split(':')[0])"], project, ("UV_PROJECT_ENVIRONMENT", venv));

        // Assert
        Assert.True(script.ExitCode == 0, script.ToString());
        Assert.Equal(fixture.Demo.Greeting + "\n", script.StandardOutput);
        Assert.Contains($"Creating virtual environment at: {venv}", script.StandardError);
        Assert.Contains("Installed 1 package in ", script.StandardError);
        Assert.DoesNotContain(" + uvshim-demo", script.StandardError);
        Assert.True(python.ExitCode == 0, python.ToString());
        Assert.Equal($"{venv}\n{venv}\n{Path.Combine(venv, "bin")}\n", python.StandardOutput);
    }

    [Fact]
    public void Run_at_a_project_environment_that_is_no_python_environment_fails_even_with_no_sync()
    {
        // Arrange: the user base as the project environment, lived in (share/) but without an interpreter
        using var user = TestUser.CreateUnprivileged();
        var project = Project(user);
        Directory.CreateDirectory(Path.Combine(user.UserBase, "share"));
        user.GiveOwnership(user.UserBase);

        // Act
        var synced = Uv(user, ["run", "python", "-c", "print(1)"], project, ("UV_PROJECT_ENVIRONMENT", user.UserBase));
        var unsynced = Uv(user, ["run", "--no-sync", "python", "-c", "print(1)"], project, ("UV_PROJECT_ENVIRONMENT", user.UserBase));
        var noProject = Uv(user, ["run", "--no-project", "--python", Python.Executable, "python", "-c", "print(1)"], project, ("UV_PROJECT_ENVIRONMENT", user.UserBase));

        // Assert
        var error = $"error: Project virtual environment directory `{user.UserBase}` cannot be used because it is not a valid Python environment (no Python executable was found)";
        Assert.True(synced.ExitCode == 2, synced.ToString());
        Assert.Contains(error, synced.StandardError);
        Assert.True(unsynced.ExitCode == 2, unsynced.ToString());
        Assert.Contains(error, unsynced.StandardError);
        Assert.True(noProject.ExitCode == 0, noProject.ToString());
        Assert.Equal("1\n", noProject.StandardOutput);
    }

    [Fact]
    public void Run_at_an_unwritable_system_prefix_fails_to_sync_but_runs_its_interpreter_with_no_sync()
    {
        using var user = TestUser.CreateUnprivileged();
        var project = Project(user);

        var synced = Uv(user, ["run", "python", "-c", "print(1)"], project, ("UV_PROJECT_ENVIRONMENT", Python.Prefix));
        var unsynced = Uv(user, ["run", "--no-sync", "python", "-c", "import os, sys; print(sys.prefix, 'VIRTUAL_ENV' in os.environ)"], project, ("UV_PROJECT_ENVIRONMENT", Python.Prefix));

        Assert.True(synced.ExitCode == 2, synced.ToString());
        Assert.Contains("Permission denied (os error 13)", synced.StandardError);
        Assert.Equal("", synced.StandardOutput);
        Assert.True(unsynced.ExitCode == 0, unsynced.ToString());
        Assert.Equal($"{Python.Prefix} False\n", unsynced.StandardOutput);
    }

    [Fact]
    public void Run_without_a_project_uses_the_requested_interpreter_and_exits_with_the_commands_code()
    {
        using var user = TestUser.CreateUnprivileged();
        var work = user.CreateDirectory("work");

        var result = Uv(user, ["run", "--python", Python.Executable, "python", "-c", "import sys; print(sys.executable); sys.exit(3)"], work);
        var missing = Uv(user, ["run", "--python", Python.Executable, "uvshim-no-such-command"], work);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(Python.Executable + "\n", result.StandardOutput);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("error: Failed to spawn: `uvshim-no-such-command`", missing.StandardError);
    }

    [Fact]
    public void Sync_from_a_workspace_member_resolves_a_relative_project_environment_against_the_workspace_root()
    {
        // Arrange: a virtual workspace root and a virtual member that depends on uvshim-demo
        using var user = TestUser.CreateUnprivileged();
        var index = LocalIndex.Create(user, "index", fixture.Demo);
        var root = user.CreateDirectory("workspace");
        FakeUvProject.Write(user, root, "pyproject.toml", FakeUvProject.VirtualProject("app", index) + "\n[tool.uv.workspace]\nmembers = [\"packages/*\"]\n");
        FakeUvProject.Write(user, root, "packages/m1/pyproject.toml", "[project]\nname = \"m1\"\nversion = \"0.1.0\"\nrequires-python = \">=3.8\"\ndependencies = [\"uvshim-demo\"]\n\n[tool.uv]\npackage = false\n");
        FakeUvProject.Write(user, root, "uv.lock", FakeUvProject.LockHeader + $$"""
            [manifest]
            members = [
                "app",
                "m1",
            ]

            [[package]]
            name = "app"
            version = "0.1.0"
            source = { virtual = "." }

            [[package]]
            name = "m1"
            version = "0.1.0"
            source = { virtual = "packages/m1" }
            dependencies = [
                { name = "uvshim-demo" },
            ]

            [package.metadata]
            requires-dist = [{ name = "uvshim-demo" }]

            {{FakeUvProject.RegistryPackage(index, fixture.Demo)}}

            """);

        // Act
        var result = Uv(user, ["sync", "--frozen"], Path.Combine(root, "packages", "m1"), ("UV_PROJECT_ENVIRONMENT", "env"));

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        var site = Path.Combine(root, "env", "lib", $"python{Python.MajorMinor}", "site-packages");
        Assert.True(Directory.Exists(Path.Combine(site, fixture.Demo.DistInfoDirectory)), result.ToString());
        Assert.Contains(" + uvshim-demo==1.0", result.StandardError);
    }
}
