using System.Runtime.Versioning;
using System.Text;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Integration;

/// <summary>
/// <c>--python</c> values as uv 0.12.5 reads them: an empty one is no request and overrides <c>UV_PYTHON</c>
/// (crates/uv-cli/src/lib.rs <c>parse_maybe_string</c>); a version-like name such as <c>python3.X</c> is a version
/// request (crates/uv-python/src/discovery.rs <c>PythonRequest::parse</c>), which uvshim asks <c>uv python find</c>
/// about instead of looking on PATH itself. Unprivileged user, unwritable interpreter first on PATH.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PythonOptionSpecs(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Theory]
    [InlineData("--python", "")]
    [InlineData("--python=")]
    [InlineData("-p", "")]
    public void An_empty_python_overrides_UV_PYTHON_and_uv_gets_one_python_the_interpreter(params string[] empty)
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("UV_PYTHON", "/nonexistent/python3"));

        // Act
        var result = ShimProcessRunner.RunShim(user, ["pip", "install", .. empty, fixture.Wheel.Path], environment);

        // Assert: the empty value is replaced, in its own form, not repeated
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] pinned = empty.Length == 2 ? [empty[0], python.Executable] : [empty[0] + python.Executable];
        Assert.Equal(["pip", "install", "--prefix", user.UserBase, .. pinned, fixture.Wheel.Path], result.SingleRecord.Arguments);
        UserSiteAssertions.InstalledForUser(user, python, fixture.Wheel);
    }

    [Fact]
    public void A_version_like_name_is_asked_of_uv_python_find_and_the_install_follows_its_answer()
    {
        // Arrange
        using var user = TestUser.CreateUnprivileged();
        var python = TestInterpreters.UnwritableCopy;
        var request = "python" + python.MajorMinor;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"));
        string[] find = ["python", "find", "--no-project", "--python-preference", "system", "--system", request];
        string[] arguments = ["pip", "install", "--python", request, fixture.Wheel.Path];
        // What uv answers here (the fake uv answers nothing; a real one names the interpreter first on PATH).
        var answer = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv, find, environment).StandardOutput.Trim();

        // Act
        var result = ShimProcessRunner.RunShim(user, arguments, environment);

        // Assert: uv was asked, with the preference of its pip commands under --system, and its answer decided
        Assert.Equal(2, result.Records.Count);
        Assert.Equal(find, result.Records[0].Arguments);
        if (answer.Length > 0)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(["pip", "install", "--prefix", user.UserBase, "--python", answer, fixture.Wheel.Path], result.Records[1].Arguments);
        }
        else
        {
            Assert.Equal(arguments.Select(a => Encoding.UTF8.GetBytes(a)), result.Records[1].ArgumentBytes);
        }
    }
}
