using UvShim.Planning;

namespace UvShim.Tests.Planning;

/// <summary>
/// <c>uv pip install</c> with pip's own options and switches (pip 26 commands/install.py): <c>--no-user</c> is a non-user
/// install, <c>--root</c> goes to uv as typed, <c>--no-warn-script-location</c> never reaches uv, and <c>PIP_USER</c> is
/// followed where pip would follow it and uv alone would not fail. The harness's system site-packages is writable.
/// </summary>
public sealed class InstallPlannerSpecs : IDisposable
{
    private readonly PlannerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private (IReadOnlyList<string> Command, Plan Plan) Plan(string[] arguments, params (string, string)[] environment)
    {
        var kind = arguments.Contains("sync") ? InvocationKind.PipSync : InvocationKind.PipInstall;
        var plan = new InstallPlanner(_harness.Finder())
            .Plan(PlannerHarness.Parse(arguments), kind, _harness.Context([("UV_SYSTEM_PYTHON", "1"), .. environment]));
        var commands = PlannerHarness.Commands(plan, arguments);
        return (commands.Count == 1 ? commands[0] : [], plan);
    }

    private string[] UserInstall(params string[] rest) => ["pip", "install", "--prefix", _harness.UserBase, "--python", _harness.Python3, .. rest];

    private static string Steps(Plan plan) => string.Join("\n", plan.Steps.Select(s => $"{s.Label}: {s.Text}"));

    [Theory]
    [InlineData(new[] { "pip", "install", "--no-user", "x" }, new[] { "pip", "install", "x" })]
    [InlineData(new[] { "pip", "install", "--user", "--no-user", "x" }, new[] { "pip", "install", "x" })]
    [InlineData(new[] { "pip", "install", "x", "--no-user", "--no-warn-script-location" }, new[] { "pip", "install", "x" })]
    [InlineData(new[] { "pip", "install", "--no-user", "--", "--no-user" }, new[] { "pip", "install", "--", "--no-user" })]
    public void No_user_is_a_non_user_install_and_pips_options_are_taken_out(string[] arguments, string[] expected)
    {
        var (command, plan) = Plan(arguments);

        Assert.Equal(expected, command);
        Assert.Contains("non-user install by explicit request (--no-user)", Steps(plan));
        Assert.Empty(Assert.IsType<Plan.HandOver>(plan).Notes);
    }

    [Fact]
    public void The_last_of_user_and_no_user_wins_as_in_optparse()
    {
        var (command, _) = Plan(["pip", "install", "--no-user", "--user", "x"]);

        Assert.Equal(UserInstall("x"), command);
    }

    [Theory]
    [InlineData("pip", "install", "--root", "/r", "--no-warn-script-location", "x")]
    [InlineData("pip", "install", "--root=/r", "--no-user", "x")]
    [InlineData("pip", "install", "--user", "--root", "/r", "x")]
    [InlineData("pip", "sync", "--root", "/r", "r.txt")]
    public void Root_goes_to_uv_as_typed_and_uv_reports_it(params string[] arguments)
    {
        var (command, plan) = Plan(arguments);

        Assert.Equal(arguments, command);
        Assert.Empty(Assert.IsType<Plan.HandOver>(plan).Notes);
        Assert.Contains("pip's option, which uv does not have", Steps(plan));
    }

    [Fact]
    public void No_warn_script_location_is_taken_out_of_an_install_handed_over()
    {
        var (command, _) = Plan(["pip", "install", "--no-warn-script-location", "x"]);

        Assert.Equal(["pip", "install", "x"], command);
    }

    [Fact]
    public void A_line_with_an_option_missing_its_value_keeps_pips_options_so_none_becomes_that_value()
    {
        string[] arguments = ["pip", "install", "x", "--no-warn-script-location", "-r"];

        var (command, _) = Plan(arguments);

        Assert.Equal(arguments, command);
    }

    [Fact]
    public void A_sync_keeps_no_user_for_uv_to_report()
    {
        string[] arguments = ["pip", "sync", "--no-user", "r.txt"];

        var (command, _) = Plan(arguments);

        Assert.Equal(arguments, command);
    }

    [Fact]
    public void PIP_USER_asks_for_a_user_install_as_pip_reads_it_without_a_defaulting_note()
    {
        var (command, plan) = Plan(["pip", "install", "x"], ("PIP_USER", "1"));

        Assert.Equal(UserInstall("x"), command);
        // A chain when the harness's user scripts directory is off PATH (pip's warning comes after the install).
        var notes = plan switch { Plan.HandOver h => h.Notes, Plan.Chain c => c.Notes, _ => throw new InvalidOperationException(plan.ToString()) };
        Assert.DoesNotContain(notes, n => n.StartsWith("Defaulting", StringComparison.Ordinal));
        Assert.Contains("user install asked for by PIP_USER=1", Steps(plan));
    }

    [Fact]
    public void PIP_USER_that_pip_would_refuse_is_not_followed_and_the_install_is_decided_without_it()
    {
        string[] arguments = ["pip", "install", "--target", "t", "x"];

        var (command, plan) = Plan(arguments, ("PIP_USER", "1"));

        Assert.Equal(arguments, command);
        Assert.Contains("PIP_USER=1 not followed: pip would refuse it (Can not combine '--user' and '--target')", Steps(plan));
    }

    [Fact]
    public void PIP_USER_0_is_a_non_user_install_and_no_user_on_the_command_line_beats_PIP_USER()
    {
        var (zero, zeroPlan) = Plan(["pip", "install", "x"], ("PIP_USER", "0"));
        var (typed, _) = Plan(["pip", "install", "--no-user", "x"], ("PIP_USER", "1"));

        Assert.Equal(["pip", "install", "x"], zero);
        Assert.Contains("non-user install by explicit request (PIP_USER=0)", Steps(zeroPlan));
        Assert.Equal(["pip", "install", "x"], typed);
    }

    [Fact]
    public void Pips_switches_do_not_steer_a_sync()
    {
        string[] arguments = ["pip", "sync", "r.txt"];

        var (command, _) = Plan(arguments, ("PIP_USER", "1"));

        Assert.Equal(arguments, command);
    }
}
