using System.Runtime.Versioning;
using System.Text.Json;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary><c>uvshim shim doctor</c> as a user runs it: the built uvshim, the unprivileged user, the fake uv.</summary>
[SupportedOSPlatform("linux")]
public sealed class DoctorSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [LinuxFact]
    public void The_JSON_report_names_the_real_uv_the_system_interpreter_and_what_an_install_into_it_would_do()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));

        // Act
        var result = ShimProcessRunner.RunShim(user, ["shim", "doctor", "--json"], environment);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean(), result.ToString());
        var uv = root.GetProperty("uv");
        Assert.Equal(fixture.Binaries.FakeUv, uv.GetProperty("path").GetString());
        Assert.Equal("UVSHIM_UV", uv.GetProperty("foundBy").GetString());
        Assert.Equal(ShimBinaries.FakeUvVersion, uv.GetProperty("version").GetString());
        Assert.Equal("system", root.GetProperty("selected").GetProperty("role").GetString());

        var system = root.GetProperty("interpreters").EnumerateArray().Single(i => i.GetProperty("role").GetString() == "system");
        Assert.Equal(python.Executable, system.GetProperty("executable").GetString());
        var facts = system.GetProperty("python");
        Assert.Equal(python.Version, facts.GetProperty("version").GetString());
        Assert.Equal(user.UserBase, facts.GetProperty("userBase").GetString());
        Assert.Equal(python.UserSitePackages(user), facts.GetProperty("userSite").GetString());
        Assert.False(facts.GetProperty("sitePackagesWritable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, facts.GetProperty("externallyManaged").ValueKind);
        Assert.Equal("prefix", facts.GetProperty("layout").GetProperty("kind").GetString());
        Assert.Equal(user.UserBase, facts.GetProperty("layout").GetProperty("path").GetString());
        Assert.Equal(python.UserScripts(user), facts.GetProperty("userScripts").GetProperty("directory").GetString());
        Assert.False(facts.GetProperty("userScripts").GetProperty("onPath").GetBoolean());
        Assert.Equal("user-install", facts.GetProperty("install").GetProperty("outcome").GetString());
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains(python.UserScripts(user) + " is not on PATH", StringComparison.Ordinal));

        Assert.Equal(Path.Combine(user.Home, ".cache", "uvshim"), root.GetProperty("cache").GetProperty("directory").GetString());
        Assert.Equal("auto", root.GetProperty("settings").GetProperty("values")[0].GetProperty("value").GetString());
        // Doctor runs uv only to ask its version.
        Assert.Equal(["--version"], result.SingleRecord.Arguments);
    }

    [LinuxFact]
    public void The_text_report_is_plain_when_stdout_is_not_a_terminal_and_coloured_only_when_forced_without_NO_COLOR()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;

        var plain = ShimProcessRunner.RunShim(user, ["shim", "doctor"], fixture.ShimEnvironment(user, python, ("TERM", "xterm-256color")));
        var forced = ShimProcessRunner.RunShim(user, ["shim", "doctor"], fixture.ShimEnvironment(user, python, ("FORCE_COLOR", "1")));
        var refused = ShimProcessRunner.RunShim(user, ["shim", "doctor"], fixture.ShimEnvironment(user, python, ("FORCE_COLOR", "1"), ("NO_COLOR", "1")));

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.DoesNotContain('\u001b', plain.StandardOutput);
        Assert.Contains($"  path                  {fixture.Binaries.FakeUv}\n", plain.StandardOutput);
        Assert.Contains($"  --system              {python.Executable} (system; --system: first on PATH)\n", plain.StandardOutput);
        Assert.Contains("(not writable)", plain.StandardOutput);
        Assert.EndsWith("ok: uv and a Python interpreter are there; nothing stops uvshim.\n", plain.StandardOutput);
        Assert.Equal("", plain.StandardError);
        Assert.Contains("\u001b[", forced.StandardOutput);
        Assert.DoesNotContain('\u001b', refused.StandardOutput);
    }

    [LinuxFact]
    public void Without_uv_doctor_says_so_and_exits_1()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python);
        environment.Remove("UVSHIM_UV");
        environment["PATH"] = python.BinDirectory;

        var result = ShimProcessRunner.RunShim(user, ["shim", "doctor"], environment);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("problem: uv: cannot find uv on PATH; set UVSHIM_UV", result.StandardOutput);
        Assert.EndsWith("1 problem found (exit code 1).\n", result.StandardOutput);
        Assert.Empty(result.Records);
    }

    [LinuxFact]
    public void Without_any_Python_doctor_says_where_it_looked_and_exits_1()
    {
        using var user = TestUser.CreateUnprivileged();
        var environment = fixture.ShimEnvironment(user, null);
        environment["PATH"] = fixture.Binaries.UvDirectory;

        var result = ShimProcessRunner.RunShim(user, ["shim", "doctor", "--json"], environment);

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray()).GetString();
        Assert.StartsWith("no Python interpreter: --system: no python3 or python on PATH; virtual environment: none", problem);
    }

    [LinuxFact]
    public void An_interpreter_named_with_python_is_checked_too_and_a_missing_one_is_a_problem()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python);

        var found = ShimProcessRunner.RunShim(user, ["shim", "doctor", "--json", "--python", python.Executable], environment);
        var missing = ShimProcessRunner.RunShim(user, ["shim", "doctor", "-p", "/nowhere/python3"], environment);

        Assert.True(found.ExitCode == 0, found.ToString());
        using var json = JsonDocument.Parse(found.StandardOutput);
        var requested = json.RootElement.GetProperty("interpreters")[0];
        Assert.Equal("python", requested.GetProperty("role").GetString());
        Assert.True(requested.GetProperty("selected").GetBoolean());
        Assert.Equal(python.Executable, requested.GetProperty("executable").GetString());
        Assert.Equal(python.Version, requested.GetProperty("python").GetProperty("version").GetString());
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("problem: --python /nowhere/python3: no Python interpreter at /nowhere/python3", missing.StandardOutput);
    }

    [LinuxFact]
    public void An_active_virtual_environment_is_reported_as_what_uv_pip_install_would_use()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var venv = Path.Combine(user.Home, "venv");
        var created = ShimProcessRunner.Run(user, python.Executable, ["-m", "venv", "--without-pip", venv], user.Environment(IntegrationFixture.PathWith(python)));
        Assert.True(created.ExitCode == 0, created.ToString());

        var result = ShimProcessRunner.RunShim(user, ["shim", "doctor", "--json"], fixture.ShimEnvironment(user, python, ("VIRTUAL_ENV", venv)));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("venv", json.RootElement.GetProperty("selected").GetProperty("role").GetString());
        var row = json.RootElement.GetProperty("interpreters").EnumerateArray().Single(i => i.GetProperty("role").GetString() == "venv");
        Assert.Equal(Path.Combine(venv, "bin", "python3"), row.GetProperty("executable").GetString());
        Assert.Equal("VIRTUAL_ENV", row.GetProperty("why").GetString());
        Assert.True(row.GetProperty("python").GetProperty("venv").GetBoolean());
        Assert.Equal("hand-over", row.GetProperty("python").GetProperty("install").GetProperty("outcome").GetString());
    }

    [LinuxTheory]
    [InlineData("unwritable", "user-install", "user-install")]
    [InlineData("writable", "hand-over", "user-install")]
    [InlineData("externally managed", "refuse", "refuse")]
    public void Doctor_and_explain_decide_an_install_into_the_system_Python_alike(string kind, string install, string installUser)
    {
        // Arrange: the test user cannot write the unwritable copy nor Debian's own; the writable copy is the test process's.
        using var user = kind == "writable" ? TestUser.CreateCurrent() : TestUser.CreateUnprivileged();
        var python = kind switch
        {
            "unwritable" => TestInterpreters.UnwritableCopy,
            "writable" => TestInterpreters.WritableCopy,
            _ => IntegrationFixture.DebianPython,
        };
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));

        // Act
        var doctor = ShimProcessRunner.RunShim(user, ["shim", "doctor", "--json"], environment);
        var explained = ShimProcessRunner.RunShim(user, ["shim", "explain", "pip", "install", "x"], environment);
        var explainedUser = ShimProcessRunner.RunShim(user, ["shim", "explain", "pip", "install", "--user", "x"], environment);

        // Assert
        Assert.True(doctor.ExitCode == 0, doctor.ToString());
        using var json = JsonDocument.Parse(doctor.StandardOutput);
        Assert.Equal("system", json.RootElement.GetProperty("selected").GetProperty("role").GetString());
        var facts = json.RootElement.GetProperty("interpreters").EnumerateArray().Single(i => i.GetProperty("selected").GetBoolean()).GetProperty("python");
        Assert.Equal(install, facts.GetProperty("install").GetProperty("outcome").GetString());
        Assert.Equal(installUser, facts.GetProperty("installUser").GetProperty("outcome").GetString());
        Assert.Equal(Decision(explained), Decision(facts.GetProperty("install")));
        Assert.Equal(Decision(explainedUser), Decision(facts.GetProperty("installUser")));
    }

    /// <summary>The steps that make the decision: <c>decision</c>, <c>reason</c> (of a refusal) and <c>layout</c> (of a user install).</summary>
    private static readonly string[] DecisionLabels = ["decision", "reason", "layout"];

    private static List<(string, string)> Decision(JsonElement plan) =>
        plan.GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("label").GetString()!, s.GetProperty("text").GetString()!))
            .Where(s => DecisionLabels.Contains(s.Item1))
            .ToList();

    /// <summary>explain's rows (<c>label:</c>, padded, then the text) of the same labels.</summary>
    private static List<(string, string)> Decision(ProcessResult explained)
    {
        Assert.True(explained.ExitCode == 0, explained.ToString());
        var rows = explained.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (line[..line.IndexOf(':')], line[(line.IndexOf(':') + 1)..].TrimStart()))
            .Where(s => DecisionLabels.Contains(s.Item1))
            .ToList();
        Assert.Contains(rows, r => r.Item1 == "decision");
        return rows;
    }

    [LinuxFact]
    public void A_configuration_file_uvshim_cannot_read_is_a_problem_named_by_its_path()
    {
        using var user = TestUser.CreateUnprivileged();
        var config = Path.Combine(user.Home, ".config", "uvshim");
        Directory.CreateDirectory(config);
        user.GiveOwnership(Path.Combine(user.Home, ".config"));
        user.WriteFile(Path.Combine(config, "config.json"), "{ not json");

        var result = ShimProcessRunner.RunShim(user, ["shim", "doctor"], fixture.ShimEnvironment(user, TestInterpreters.UnwritableCopy));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("problem: uvshim's configuration: ", result.StandardOutput);
        Assert.Contains(Path.Combine(config, "config.json"), result.StandardOutput);
    }
}
