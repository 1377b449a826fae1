using UvShim.Planning;

namespace UvShim.Tests.Planning;

/// <summary><c>uv pip uninstall</c>: requirements named as uv names them, and the interpreter found as for install.</summary>
public sealed class UninstallPlannerSpecs : IDisposable
{
    private readonly PlannerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private IReadOnlyList<IReadOnlyList<string>> Plan(string[] arguments, params (string, string)[] environment)
    {
        _harness.InstallInUserSite("foo-1.0.dist-info");
        var plan = new UninstallPlanner(_harness.Finder()).Plan(PlannerHarness.Parse(arguments), _harness.Context(environment));
        return PlannerHarness.Commands(plan, arguments);
    }

    private string[] UserRun(params string[] rest) =>
        ["pip", "uninstall", "--prefix", _harness.UserBase, "--python", _harness.Python3, .. rest];

    [Theory]
    [InlineData("foo")]
    [InlineData("foo==1.0")]
    [InlineData("Foo[x]")]
    [InlineData("foo>=1")]
    [InlineData("foo ; python_version>'3'")]
    [InlineData("Foo @ file:///w/foo.whl")]
    [InlineData(" foo")]
    public void A_requirement_naming_a_user_site_package_removes_it_from_the_user_site(string requirement)
    {
        var commands = Plan(["pip", "uninstall", "--system", requirement]);

        Assert.Equal([UserRun("--system", "foo")], commands);
    }

    [Fact]
    public void What_names_no_user_site_package_goes_to_uv_as_asked_after_the_user_site_run()
    {
        var commands = Plan(["pip", "uninstall", "--system", "./dist/bar.whl", "foo==1.0", "baz"]);

        Assert.Equal([UserRun("--system", "foo"), ["pip", "uninstall", "--system", "./dist/bar.whl", "baz"]], commands);
    }

    [Fact]
    public void UV_SYSTEM_PYTHON_picks_the_system_interpreter_as_system_does()
    {
        var commands = Plan(["pip", "uninstall", "foo"], ("UV_SYSTEM_PYTHON", "1"));

        Assert.Equal([UserRun("foo")], commands);
    }

    [Fact]
    public void A_python_path_picks_the_system_interpreter_as_it_does_for_uv()
    {
        var commands = Plan(["pip", "uninstall", "--python", "bin/python3", "foo"]);

        Assert.Equal([UserRun("foo")], commands);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("--python", "python3.11", "foo")]
    public void Without_a_venv_system_or_a_path_uv_refuses_and_the_command_reaches_it_unchanged(params string[] rest)
    {
        string[] arguments = ["pip", "uninstall", .. rest];

        var commands = Plan(arguments);

        Assert.Equal([arguments], commands);
    }

    [Fact]
    public void Pips_user_removes_everything_asked_for_from_the_user_site_and_uv_reads_the_requirements()
    {
        var commands = Plan(["pip", "uninstall", "--user", "foo==1.0", "-r", "reqs.txt", "./x.whl"]);

        Assert.Equal([UserRun("foo==1.0", "-r", "reqs.txt", "./x.whl")], commands);
    }
}
