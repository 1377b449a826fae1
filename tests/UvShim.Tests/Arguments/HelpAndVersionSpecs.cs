namespace UvShim.Tests.Arguments;

public class HelpAndVersionSpecs
{
    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("-qh")]
    [InlineData("pip -h")]
    [InlineData("pip install -h")]
    [InlineData("pip install x --help")]
    [InlineData("pip install -qh x")]
    [InlineData("pip install --python -h")]
    [InlineData("pip ls --help")]
    [InlineData("sync --help")]
    [InlineData("export -h")]
    [InlineData("-h run")]
    [InlineData("run -h")]
    [InlineData("run --frozen --help python")]
    [InlineData("-V")]
    [InlineData("--version")]
    [InlineData("-qV")]
    [InlineData("--version pip install x")]
    [InlineData("help")]
    [InlineData("help pip install")]
    [InlineData("-q help")]
    public void Help_and_version_requests_are_detected(string line)
    {
        Assert.True(Line.Parse(line).AsksForHelpOrVersion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pip install x")]
    [InlineData("pip install -- -h")]
    [InlineData("pip install -r-h")]
    [InlineData("pip install --python -- --help")]
    [InlineData("pip -V")]
    [InlineData("pip install -V x")]
    [InlineData("pip install --version")]
    [InlineData("run python --help")]
    [InlineData("run -- -h")]
    [InlineData("pip compile -h")]
    [InlineData("--directory help pip install x")]
    [InlineData("-- -h")]
    public void Help_elsewhere_or_as_a_value_is_not_a_request(string line)
    {
        Assert.False(Line.Parse(line).AsksForHelpOrVersion);
    }
}
