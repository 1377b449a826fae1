using UvShim.Python;

namespace UvShim.Tests.Python;

public class ProbeOutputParserSpecs
{
    [Fact]
    public void A_recorded_Debian_probe_reads_into_every_field()
    {
        var probe = RecordedProbes.Load("linux-debian-3.11");

        Assert.Equal("/usr/bin/python3", probe.Executable);
        Assert.Equal("3.11", probe.MajorMinor);
        Assert.Equal("posix_local", probe.PrefixScheme);
        Assert.Equal("/usr/local/lib/python3.11/dist-packages", probe.Default.Purelib);
        Assert.Equal("/home/tester/.local/lib/python3.11/site-packages", probe.User.Purelib);
        Assert.Equal("lib/python3.11/site-packages", probe.PrefixLayout.Purelib);
        Assert.Equal("", probe.PrefixLayout.Data);
        Assert.True(probe.UserSiteEnabled);
        Assert.False(probe.InVenv);
    }

    [Fact]
    public void A_venv_without_system_site_packages_has_the_user_site_disabled()
    {
        var probe = RecordedProbes.Load("linux-venv-3.12");

        Assert.True(probe.InVenv);
        Assert.True(probe.VenvWithoutSystemSite);
        Assert.False(probe.UserSiteEnabled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Traceback (most recent call last):\n  File \"<string>\", line 1")]
    [InlineData("probe=2\0executable=/x\0")]
    [InlineData("probe=1\0executable=/x\0")]
    [InlineData("\u0001\u0002garbage")]
    public void Output_that_is_not_a_complete_probe_is_rejected(string output)
    {
        Assert.Throws<ProbeFormatException>(() => ProbeOutputParser.Parse(output));
    }
}
