using UvShim.Planning;

namespace UvShim.Tests.Planning;

/// <summary>
/// <c>--python ''</c>: uv 0.12.5 crates/uv-cli/src/lib.rs <c>parse_maybe_string</c> reads it as no request, and since
/// the option was given, clap does not read <c>UV_PYTHON</c>. The interpreter is chosen as if neither was there, and
/// the empty value is replaced by the interpreter, never repeated.
/// </summary>
public sealed class EmptyPythonSpecs : IDisposable
{
    private readonly PlannerHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private IReadOnlyList<IReadOnlyList<string>> Plan(string[] arguments, params (string, string)[] environment)
    {
        var context = _harness.Context([("UV_PYTHON", "/nonexistent/python3"), .. environment]);
        var plan = new InstallPlanner(_harness.Finder()).Plan(PlannerHarness.Parse(arguments), InvocationKind.PipInstall, context);
        return PlannerHarness.Commands(plan, arguments);
    }

    public static TheoryData<string[], string[]> EmptyValues => new()
    {
        { ["pip", "install", "--user", "--python", "", "x"], ["pip", "install", "--prefix", "{base}", "--python", "{exe}", "x"] },
        { ["pip", "install", "--user", "--python=", "x"], ["pip", "install", "--prefix", "{base}", "--python={exe}", "x"] },
        { ["pip", "install", "--user", "-p", "", "x"], ["pip", "install", "--prefix", "{base}", "-p", "{exe}", "x"] },
        { ["pip", "install", "x", "--user", "-p="], ["pip", "install", "--prefix", "{base}", "x", "-p={exe}"] },
    };

    [Theory]
    [MemberData(nameof(EmptyValues))]
    public void An_empty_python_overrides_UV_PYTHON_and_is_replaced_by_the_interpreter(string[] arguments, string[] expected)
    {
        var commands = Plan(arguments);

        var command = Assert.Single(commands);
        Assert.Equal(expected.Select(a => a.Replace("{base}", _harness.UserBase).Replace("{exe}", _harness.Python3)), command);
        Assert.Empty(_harness.AskedUv);
    }

    [Fact]
    public void Without_system_or_user_an_empty_python_is_no_request_and_uv_wants_a_venv()
    {
        string[] arguments = ["pip", "install", "--python", "", "x"];

        Assert.Equal([arguments], Plan(arguments));
    }

    [Theory]
    [InlineData("--system")]
    [InlineData("--user")]
    public void An_empty_python_finds_the_interpreter_as_if_no_python_was_asked_for(string how)
    {
        var context = _harness.Context(("UV_PYTHON", "/nonexistent/python3"));
        var steps = new List<PlanStep>();

        var outcome = _harness.Finder().Find(PlannerHarness.Parse(["pip", "install", how, "--python", "", "x"]), context,
            Discovery.ExplicitSystem, explicitUser: how == "--user", steps);

        var found = Assert.IsType<TargetOutcome.Found>(outcome);
        Assert.Equal(_harness.Python3, found.Target.Interpreter.Executable);
        Assert.Contains(steps, s => s.Text.Contains("first on PATH", StringComparison.Ordinal));
    }

    [Fact]
    public void A_python_without_a_value_is_refused_as_uv_refuses_it()
    {
        var context = _harness.Context();

        var plan = new InstallPlanner(_harness.Finder()).Plan(PlannerHarness.Parse(["pip", "install", "--user", "x", "--python"]),
            InvocationKind.PipInstall, context);

        Assert.Contains("--python needs a value", Assert.IsType<Plan.Refuse>(plan).Message);
    }
}
