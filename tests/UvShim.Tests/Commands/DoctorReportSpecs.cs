using System.Text.Json;
using Serilog.Events;
using UvShim.Commands;
using UvShim.Decision;
using UvShim.Planning;
using UvShim.Settings;

namespace UvShim.Tests.Commands;

/// <summary>shim doctor's report: which findings are problems (exit 1), and how it is shown to a person and to a script.</summary>
public class DoctorReportSpecs
{
    private static readonly EffectiveSettings Defaults = new(ShimMode.Auto, null, LogEventLevel.Warning, null, TimeSpan.FromSeconds(10), []);

    private static PythonCheck Python(bool writable = false, bool scriptsOnPath = true) => new(
        "3.12.1", "/usr/local/bin/python3", "/usr/local", InVenv: false, FreeThreaded: false,
        "/home/app/.local", "/home/app/.local/lib/python3.12/site-packages", UserSiteEnabled: true, "", UserSiteWritable: true,
        ["/usr/local/lib/python3.12/site-packages"], writable, null, false,
        new LayoutCheck("prefix", "/home/app/.local", null), new ScriptsCheck("/home/app/.local/bin", scriptsOnPath),
        writable ? Plan("hand-over", "non-user install because site-packages writeable") : Plan("user-install", "site-packages not writeable"),
        Plan("user-install", "user install by explicit request"), "probed");

    private static PlanCheck Plan(string outcome, string reason)
    {
        var user = outcome == "user-install";
        List<PlanStep> steps = user
            ? [new("decision", "user install: " + reason), new("layout", "--prefix /home/app/.local (uv's prefix layout is this Python's user scheme)")]
            : [new("decision", "hand over unchanged: " + reason)];
        var run = user
            ? "/usr/local/bin/uv pip install --prefix /home/app/.local --python /usr/local/bin/python3 '<package>'"
            : "/usr/local/bin/uv pip install --python /usr/local/bin/python3 '<package>'";
        return new(["pip", "install", "--python", "/usr/local/bin/python3", DoctorInspection.Package], outcome, reason, steps, [new("would run", run)]);
    }

    private static InterpreterCheck System(PythonCheck? python = null) =>
        new(InterpreterCheck.SystemRole, "--system", "/usr/local/bin/python3", "system", "--system: first on PATH", null, null, python ?? Python());

    private static InterpreterCheck NoVenv() =>
        new(InterpreterCheck.VenvRole, "virtual environment", null, null, null, "none (no VIRTUAL_ENV, no active conda environment, no .venv in /home/app or above)", null, null);

    private static DoctorReport Report(UvCheck? uv = null, IReadOnlyList<InterpreterCheck>? interpreters = null, CacheCheck? cache = null) => new(
        "0.1.0",
        "/usr/local/bin/uvshim",
        uv ?? new UvCheck("/usr/local/bin/uv", "the first uv on PATH that is not uvshim", "uv 0.12.5", null,
            [new UvOnPath("/opt/uvshim/bin/uv", true), new UvOnPath("/usr/local/bin/uv", false)]),
        interpreters ?? [System(), NoVenv()],
        InterpreterCheck.SystemRole,
        "UV_SYSTEM_PYTHON is set",
        new SettingsCheck(["/etc/uvshim/config.json"], [], DoctorInspection.SettingValues(Defaults, new Dictionary<string, string>()), null),
        new UvConfigCheck([], [], null),
        cache ?? new CacheCheck("/home/app/.cache/uvshim", true, 1, true));

    [Fact]
    public void With_uv_and_an_interpreter_there_is_no_problem()
    {
        var report = Report();

        Assert.True(report.Ok);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Without_uv_doctor_reports_a_problem()
    {
        var report = Report(uv: new UvCheck(null, null, null, "cannot find uv on PATH; set UVSHIM_UV to the real uv", []));

        Assert.False(report.Ok);
        Assert.Equal(["uv: cannot find uv on PATH; set UVSHIM_UV to the real uv"], report.Problems);
    }

    [Fact]
    public void Without_any_interpreter_doctor_reports_a_problem_naming_each_place_it_looked()
    {
        var noSystem = new InterpreterCheck(InterpreterCheck.SystemRole, "--system", null, null, null, "no python3 or python on PATH", null, null);

        var report = Report(interpreters: [noSystem, NoVenv()]);

        var problem = Assert.Single(report.Problems);
        Assert.StartsWith("no Python interpreter: --system: no python3 or python on PATH; virtual environment: none", problem);
    }

    [Fact]
    public void A_requested_interpreter_that_cannot_be_found_is_a_problem_but_a_missing_venv_is_not()
    {
        var request = new InterpreterCheck(InterpreterCheck.RequestRole, "--python 3.99", null, null, null, "uv python find found no interpreter", null, null);

        var report = Report(interpreters: [request, System(), NoVenv()]);

        Assert.Equal(["--python 3.99: uv python find found no interpreter"], report.Problems);
    }

    [Fact]
    public void An_interpreter_that_fails_its_probe_is_a_problem()
    {
        var broken = System() with { Python = null, Error = "the interpreter /usr/local/bin/python3 exited with 1" };

        var report = Report(interpreters: [broken, NoVenv()]);

        Assert.Equal(["--system: the interpreter /usr/local/bin/python3 exited with 1"], report.Problems);
    }

    [Fact]
    public void Scripts_off_PATH_and_an_unwritable_cache_are_warnings_not_problems()
    {
        var report = Report(interpreters: [System(Python(scriptsOnPath: false)), NoVenv()], cache: new CacheCheck("/home/app/.cache/uvshim", false, 0, false));

        Assert.True(report.Ok);
        Assert.Equal(2, report.Warnings.Count);
        Assert.Contains(report.Warnings, w => w.Contains("/home/app/.local/bin is not on PATH", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains("probe cache /home/app/.cache/uvshim is not writable", StringComparison.Ordinal));
    }

    [Fact]
    public void The_text_names_uv_the_interpreter_what_an_install_would_do_and_the_settings_without_escape_codes()
    {
        var text = DoctorText.Render(Report(), colour: false);

        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("  path                  /usr/local/bin/uv\n", text);
        Assert.Contains("  version               uv 0.12.5\n", text);
        Assert.Contains("  uv on PATH            /opt/uvshim/bin/uv (this uvshim), /usr/local/bin/uv\n", text);
        Assert.Contains("  uv pip install here   --system (UV_SYSTEM_PYTHON is set)\n", text);
        Assert.Contains("  --system              /usr/local/bin/python3 (system; --system: first on PATH)\n", text);
        Assert.Contains("    site-packages       /usr/local/lib/python3.12/site-packages (not writable)\n", text);
        Assert.Contains("    pip install         into the user site: site-packages not writeable\n"
            + "      layout            --prefix /home/app/.local (uv's prefix layout is this Python's user scheme)\n"
            + "      would run         /usr/local/bin/uv pip install --prefix /home/app/.local --python /usr/local/bin/python3 '<package>'\n", text);
        Assert.Contains("  Mode                  auto (default)\n", text);
        Assert.EndsWith("ok: uv and a Python interpreter are there; nothing stops uvshim.\n", text);
    }

    [Fact]
    public void With_colour_the_headings_and_verdict_are_painted()
    {
        var text = DoctorText.Render(Report(uv: new UvCheck(null, null, null, "cannot find uv on PATH", [])), colour: true);

        Assert.Contains("\u001b[1muv\u001b[0m\n", text);
        Assert.Contains("\u001b[31mproblem:\u001b[0m uv: cannot find uv on PATH\n", text);
    }

    [Fact]
    public void The_JSON_is_one_object_with_every_section_and_null_for_what_is_absent()
    {
        using var json = JsonDocument.Parse(DoctorJson.Render(Report()));
        var root = json.RootElement;

        Assert.Equal(DoctorJson.Schema, root.GetProperty("schema").GetInt32());
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal("/usr/local/bin/uv", root.GetProperty("uv").GetProperty("path").GetString());
        Assert.True(root.GetProperty("uv").GetProperty("onPath")[0].GetProperty("isUvshim").GetBoolean());
        Assert.Equal("system", root.GetProperty("selected").GetProperty("role").GetString());
        var system = root.GetProperty("interpreters")[0];
        Assert.True(system.GetProperty("selected").GetBoolean());
        Assert.False(system.GetProperty("python").GetProperty("sitePackagesWritable").GetBoolean());
        Assert.Equal("prefix", system.GetProperty("python").GetProperty("layout").GetProperty("kind").GetString());
        Assert.Equal("user-install", system.GetProperty("python").GetProperty("install").GetProperty("outcome").GetString());
        Assert.Equal("layout", system.GetProperty("python").GetProperty("install").GetProperty("steps")[1].GetProperty("label").GetString());
        Assert.Equal("would run", system.GetProperty("python").GetProperty("install").GetProperty("results")[0].GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, system.GetProperty("python").GetProperty("externallyManaged").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("interpreters")[1].GetProperty("python").ValueKind);
        Assert.Equal(SettingDefinitions.All.Select(s => s.Key), root.GetProperty("settings").GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        Assert.Equal("/home/app/.cache/uvshim", root.GetProperty("cache").GetProperty("directory").GetString());
    }

    [Fact]
    public void The_JSON_of_a_failed_check_says_not_ok_and_lists_the_problem()
    {
        using var json = JsonDocument.Parse(DoctorJson.Render(Report(uv: new UvCheck(null, null, null, "cannot find uv on PATH", []))));

        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("uv: cannot find uv on PATH", json.RootElement.GetProperty("problems")[0].GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("uv").GetProperty("path").ValueKind);
    }

    [Fact]
    public void Every_setting_has_a_value_and_a_source_from_the_environment_or_the_default()
    {
        var settings = Defaults with { Mode = ShimMode.Always, UvPath = "/opt/uv" };
        var env = new Dictionary<string, string> { ["UVSHIM_MODE"] = "always", ["UVSHIM_UV"] = "/opt/uv" };

        var values = DoctorInspection.SettingValues(settings, env);

        Assert.Equal(SettingDefinitions.All.Select(s => s.Key), values.Select(v => v.Key));
        Assert.Equal(("always", "UVSHIM_MODE"), (values[0].Value, values[0].Source));
        Assert.Equal(("/opt/uv", "UVSHIM_UV"), (values[1].Value, values[1].Source));
        Assert.Equal(("warning", "default"), (values[2].Value, values[2].Source));
        Assert.Equal(("10", "default"), (values[4].Value, values[4].Source));
    }

    [Fact]
    public void A_setting_from_a_configuration_file_names_that_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"uvshim-doctor-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Log": { "Level": "debug" } }""");
        try
        {
            var values = DoctorInspection.SettingValues(Defaults with { LogLevel = LogEventLevel.Debug, FilesRead = [file] }, new Dictionary<string, string>());

            Assert.Equal(("debug", file), (values[2].Value, values[2].Source));
            Assert.Equal("default", values[0].Source);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(true, "", "", "", "xterm-256color", true)]
    [InlineData(false, "", "", "", "xterm-256color", false)]
    [InlineData(true, "1", "", "", "xterm", false)]
    [InlineData(true, "1", "1", "", "xterm", false)]
    [InlineData(false, "", "1", "", "", true)]
    [InlineData(false, "", "", "1", "", true)]
    [InlineData(true, "", "", "", "dumb", false)]
    [InlineData(false, "", "", "", "dumb", false)]
    public void Colour_follows_uv_NO_COLOR_wins_then_FORCE_COLOR_then_a_terminal_that_is_not_dumb(
        bool terminal, string noColor, string forceColor, string clicolorForce, string term, bool expected)
    {
        var env = new Dictionary<string, string>();
        foreach (var (name, value) in new[] { ("NO_COLOR", noColor), ("FORCE_COLOR", forceColor), ("CLICOLOR_FORCE", clicolorForce), ("TERM", term) })
        {
            if (value.Length > 0)
                env[name] = value;
        }

        Assert.Equal(expected, TerminalColour.Enabled(terminal, env));
    }

    [Fact]
    public void An_empty_NO_COLOR_does_not_count()
    {
        Assert.True(TerminalColour.Enabled(true, new Dictionary<string, string> { ["NO_COLOR"] = "" }));
    }
}
