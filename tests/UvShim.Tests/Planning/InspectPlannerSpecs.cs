using UvShim.Planning;

namespace UvShim.Tests.Planning;

/// <summary>
/// <c>uv pip list</c>/<c>freeze</c> against a system Python with a user site: what each captured uv run is asked, with
/// the user's <c>-q</c> (uv 0.12.5 crates/uv/src/printer.rs) and the refusals uv makes before it looks for a Python
/// (crates/uv/src/commands/pip/list.rs).
/// </summary>
public sealed class InspectPlannerSpecs : IDisposable
{
    private readonly PlannerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private IReadOnlyList<IReadOnlyList<string>> Plan(InvocationKind kind, params string[] arguments)
    {
        _harness.InstallInUserSite("foo-1.0.dist-info");
        var plan = new InspectPlanner(_harness.Finder())
            .Plan(PlannerHarness.Parse(arguments), kind, _harness.Context(("UV_SYSTEM_PYTHON", "1")));
        return PlannerHarness.Commands(plan, arguments);
    }

    private string[] User => ["--prefix", _harness.UserBase, "--python", _harness.Python3];

    public static TheoryData<string[], string[], string[]> QuietLists => new()
    {
        { ["pip", "list"], ["pip", "list", "--format", "json"], [] },
        { ["-q", "pip", "list"], ["-q", "pip", "list", "--format", "json"], [] },
        { ["-qq", "pip", "list"], ["-q", "pip", "list", "--format", "json"], [] },
        { ["pip", "list", "-q", "--quiet", "--format=columns"], ["pip", "list", "--format", "json", "-q"], [] },
        { ["pip", "-qqq", "list", "--format", "freeze"], ["pip", "-q", "list", "--format", "json"], [] },
    };

    [Theory]
    [MemberData(nameof(QuietLists))]
    public void A_merged_list_asks_uv_for_json_with_one_q_at_most(string[] arguments, string[] system, string[] unused)
    {
        _ = unused;
        var commands = Plan(InvocationKind.PipList, arguments);

        Assert.Equal(2, commands.Count);
        Assert.Equal(system, commands[0]);
        Assert.Equal([.. system[..(Array.IndexOf(system, "list") + 1)], .. User, .. system[(Array.IndexOf(system, "list") + 1)..]], commands[1]);
    }

    [Theory]
    [InlineData(new[] { "-qq", "pip", "freeze" }, new[] { "-q", "pip", "freeze" })]
    [InlineData(new[] { "pip", "freeze", "-q", "-q" }, new[] { "pip", "freeze", "-q" })]
    [InlineData(new[] { "pip", "freeze", "-q" }, new[] { "pip", "freeze", "-q" })]
    public void A_merged_freeze_keeps_one_q_at_most_so_uv_still_prints_it(string[] arguments, string[] system)
    {
        var commands = Plan(InvocationKind.PipFreeze, arguments);

        Assert.Equal(system, commands[0]);
        Assert.Equal(1, commands[1].Count(a => a.StartsWith("-q", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("pip", "list", "--outdated", "--format", "freeze")]
    [InlineData("pip", "list", "--format=freeze", "--outdated")]
    [InlineData("pip", "list", "--format", "yaml")]
    [InlineData("pip", "list", "--format")]
    public void What_uv_refuses_before_finding_a_python_reaches_it_unchanged(params string[] arguments)
    {
        Assert.Equal([arguments], Plan(InvocationKind.PipList, arguments));
    }

    [Fact]
    public void With_pips_user_uv_gets_the_refused_list_without_user()
    {
        Assert.Equal([["pip", "list", "--outdated", "--format", "freeze"]],
            Plan(InvocationKind.PipList, "pip", "list", "--user", "--outdated", "--format", "freeze"));
    }

    [Fact]
    public void No_outdated_after_outdated_lets_the_freeze_format_be_merged()
    {
        var commands = Plan(InvocationKind.PipList, "pip", "list", "--outdated", "--no-outdated", "--format", "freeze");

        Assert.Equal(["pip", "list", "--format", "json", "--outdated", "--no-outdated"], commands[0]);
    }
}
