using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// <c>uv sync</c> and <c>uv run</c> in a non-root container: with <c>UV_PROJECT_ENVIRONMENT</c> at the user base (which
/// uv rejects: "not a valid Python environment") or at an unwritable system prefix (where uv fails with Permission
/// denied), uvshim installs the locked project into the user scheme: <c>uv export --frozen --format requirements.txt
/// --output-file &lt;private temp file&gt; …</c> where it was asked, then <c>uv --directory &lt;project root&gt; pip install
/// --prefix &lt;user base&gt; --python &lt;exe&gt; … -r &lt;that file&gt;</c>; the temp file is removed whatever happens. A sync
/// it cannot translate faithfully (<c>--exact</c>) is refused. A run then goes on without syncing.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ProjectSyncSpecs(UserSiteFixture fixture) : IClassFixture<UserSiteFixture>
{
    private static TestInterpreter Python => TestInterpreters.UnwritableCopy;

    /// <summary>A user whose user base already exists and is not empty (as in any lived-in container).</summary>
    private static TestUser UserWithUserBase()
    {
        var user = TestUser.CreateUnprivileged();
        Directory.CreateDirectory(Path.Combine(user.UserBase, "share"));
        user.GiveOwnership(user.UserBase);
        return user;
    }

    private Dictionary<string, string> Environment(TestUser user, string projectEnvironment, params (string Name, string Value)[] extra) =>
        fixture.ShimEnvironment(user, Python, [("UV_PROJECT_ENVIRONMENT", projectEnvironment), .. extra]);

    /// <summary>The value after <paramref name="option"/> (<c>--opt v</c> or <c>--opt=v</c>), or null.</summary>
    private static string? OptionValue(IReadOnlyList<string> arguments, string option)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == option && i + 1 < arguments.Count)
            {
                return arguments[i + 1];
            }
            if (arguments[i].StartsWith(option + "=", StringComparison.Ordinal))
            {
                return arguments[i][(option.Length + 1)..];
            }
        }
        return null;
    }

    /// <summary>The export run: <c>export</c> with <c>--frozen</c>, <c>--format requirements.txt</c> and an absolute
    /// <c>--output-file</c> outside the project (the order of the options is uv's business); returns that file.</summary>
    private static string AssertExport(FakeUvRecord export, SampleProject project)
    {
        var arguments = export.Arguments;
        Assert.True(arguments.Count > 0 && arguments[0] == "export", string.Join(' ', arguments));
        Assert.Contains("--frozen", arguments);
        Assert.Equal("requirements.txt", OptionValue(arguments, "--format"));
        var file = OptionValue(arguments, "--output-file");
        Assert.True(file is not null && Path.IsPathRooted(file), $"the export goes to an absolute path: {string.Join(' ', arguments)}");
        Assert.False(file.StartsWith(project.Directory + "/", StringComparison.Ordinal), "the temp file must not be written into the project");
        Assert.Contains("--emit-index-url", arguments);
        Assert.Equal(project.Directory, export.WorkingDirectory);
        return file;
    }

    private static void AssertExportThenUserInstall(ProcessResult result, TestUser user, SampleProject project, int runs = 2)
    {
        Assert.True(result.Records.Count == runs, result.ToString());
        var file = AssertExport(result.Records[0], project);
        var install = result.Records[1];
        Assert.Equal(["--directory", project.Directory, "pip", "install", "--prefix", user.UserBase, "--python", Python.Executable, "-r", file],
            install.Arguments);
        Assert.False(File.Exists(file), $"the temp file {file} is still there");
    }

    private static void AssertImportsForUser(TestUser user, BuiltWheel wheel)
    {
        var imported = ShimProcessRunner.Run(
            user, Python.Executable, ["-c", $"import {wheel.ImportName}; print({wheel.ImportName}.GREETING)"], user.Environment(IntegrationFixture.PathWith(Python)));
        Assert.True(imported.ExitCode == 0, $"import failed: {imported}");
        Assert.Equal(wheel.Greeting, imported.StandardOutput.Trim());
    }

    [LinuxFact]
    public void A_frozen_sync_into_the_user_base_exports_the_lock_and_installs_it_into_the_user_site()
    {
        // Arrange
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["sync", "--frozen"], Environment(user, user.UserBase), project.Directory);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertExportThenUserInstall(result, user, project);
        AssertImportsForUser(user, fixture.Demo);
        AssertImportsForUser(user, fixture.DevTool);
    }

    [LinuxFact]
    public void A_frozen_sync_into_an_unwritable_system_prefix_installs_into_the_user_site()
    {
        // Arrange: the interpreter's own prefix has bin/python3, so uv would use it and fail with Permission denied
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["sync", "--frozen"], Environment(user, Python.Prefix), project.Directory);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertExportThenUserInstall(result, user, project);
        AssertImportsForUser(user, fixture.Demo);
        Assert.False(Directory.Exists(Path.Combine(Python.Prefix, "lib", $"python{Python.MajorMinor}", "site-packages", fixture.Demo.ImportName)));
        Assert.False(Directory.Exists(Path.Combine(Python.SitePackages, fixture.Demo.ImportName)));
    }

    [LinuxFact]
    public void When_the_export_fails_its_exit_code_is_returned_and_the_temp_file_is_gone()
    {
        // Arrange
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["sync", "--frozen"], Environment(user, user.UserBase, ("FAKE_UV_EXIT", "1")), project.Directory);

        // Assert
        Assert.True(result.ExitCode == 1, result.ToString());
        var file = AssertExport(Assert.Single(result.Records), project);
        Assert.False(File.Exists(file), $"the temp file {file} is still there");
        Assert.False(Directory.Exists(Python.UserSitePackages(user)));
    }

    [LinuxFact]
    public void When_the_lock_is_missing_uvs_error_comes_back_and_the_temp_file_is_gone()
    {
        // Arrange
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);
        File.Delete(project.LockPath);

        // Act
        var result = ShimProcessRunner.RunShim(user, ["sync", "--frozen"], Environment(user, user.UserBase), project.Directory);

        // Assert: uv export --frozen without uv.lock fails (exit 2) and nothing is installed
        Assert.True(result.ExitCode == 2, result.ToString());
        var file = AssertExport(Assert.Single(result.Records), project);
        Assert.Contains("Unable to find lockfile", result.StandardError);
        Assert.False(File.Exists(file), $"the temp file {file} is still there");
    }

    [LinuxTheory]
    [InlineData("user base")]
    [InlineData("system prefix")]
    public void An_exact_sync_is_refused_naming_the_flag(string where)
    {
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);
        var environment = Environment(user, where == "user base" ? user.UserBase : Python.Prefix);

        var result = ShimProcessRunner.RunShim(user, ["sync", "--frozen", "--exact"], environment, project.Directory);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Records);
        Assert.Contains("uvshim:", result.StandardError);
        Assert.Contains("--exact", result.StandardError);
    }

    [LinuxFact]
    public void A_run_at_the_user_base_installs_the_locked_project_then_runs_without_the_project_environment()
    {
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);
        var program = $"import {fixture.Demo.ImportName}; print({fixture.Demo.ImportName}.GREETING)";

        var result = ShimProcessRunner.RunShim(user, ["run", "--frozen", "python", "-c", program], Environment(user, user.UserBase), project.Directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertExportThenUserInstall(result, user, project, runs: 3);
        Assert.Equal(["run", "--no-project", "--python", Python.Executable, "python", "-c", program], result.Records[2].Arguments);
        Assert.Equal(fixture.Demo.Greeting, result.StandardOutput.Trim());
    }

    [LinuxFact]
    public void A_run_at_an_unwritable_system_prefix_installs_the_locked_project_then_runs_without_syncing()
    {
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);
        var program = $"import {fixture.Demo.ImportName}; print({fixture.Demo.ImportName}.GREETING)";

        var result = ShimProcessRunner.RunShim(user, ["run", "--frozen", "python", "-c", program], Environment(user, Python.Prefix), project.Directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertExportThenUserInstall(result, user, project, runs: 3);
        Assert.Equal(["run", "--no-sync", "--frozen", "python", "-c", program], result.Records[2].Arguments);
        Assert.Equal(fixture.Demo.Greeting, result.StandardOutput.Trim());
    }

    [LinuxTheory]
    [InlineData("--no-project")]
    [InlineData("--isolated")]
    [InlineData("--help")]
    public void A_run_that_uses_no_project_environment_is_handed_over_unchanged(string option)
    {
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);

        var result = ShimProcessRunner.RunShim(user, ["run", option, "python", "-c", "1"], Environment(user, user.UserBase), project.Directory);

        Assert.Equal(["run", option, "python", "-c", "1"], result.SingleRecord.Arguments);
    }

    [LinuxFact]
    public void A_script_with_inline_metadata_is_handed_over_unchanged()
    {
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);
        var script = Path.Combine(project.Directory, "tool.py");
        File.WriteAllText(script, "# /// script\n# dependencies = []\n# ///\nprint(1)\n");
        user.GiveOwnership(script);

        var result = ShimProcessRunner.RunShim(user, ["run", "tool.py"], Environment(user, user.UserBase), project.Directory);

        Assert.Equal(["run", "tool.py"], result.Records[0].Arguments);
    }

    [LinuxFact]
    public void A_run_without_sync_is_handed_over_unchanged()
    {
        using var user = UserWithUserBase();
        var project = SampleProject.Create(user, fixture.Demo, fixture.DevTool);

        var result = ShimProcessRunner.RunShim(user, ["run", "--no-sync", "python", "-c", "1"], Environment(user, user.UserBase), project.Directory);

        Assert.Equal(["run", "--no-sync", "python", "-c", "1"], result.SingleRecord.Arguments);
    }
}
