using UvShim.Decision;
using UvShim.Python;

namespace UvShim.Tests.Python;

/// <summary>The recordings themselves: each says where it came from, and reads as the platform it stands for.</summary>
public class RecordedProbeSpecs
{
    public static TheoryData<string> Recordings
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "probes"), "*.probe").Order(StringComparer.Ordinal))
                data.Add(Path.GetFileNameWithoutExtension(file));
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Every_recording_says_whether_it_was_run_or_derived_and_from_what(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "probes", name + ".probe");
        var first = File.ReadLines(path).First();

        Assert.Matches(@"^# (recorded|derived, not run): \S.{20,}", first);
        Assert.NotNull(RecordedProbes.Load(name));
    }

    [Theory]
    [InlineData("windows-x64-freethreaded-3.13t", true, "Python313t")]
    [InlineData("macos-framework-freethreaded-3.13t", true, "PythonT")]
    [InlineData("linux-freethreaded-3.13t", true, "python3.13t")]
    [InlineData("windows-x64-3.13", false, "Python313")]
    public void A_free_threaded_build_keeps_its_own_user_site(string name, bool freeThreaded, string userSiteSegment)
    {
        var probe = RecordedProbes.Load(name);

        Assert.Equal(freeThreaded, probe.GilDisabled);
        Assert.Contains(userSiteSegment, probe.UserSite.Split('/', '\\'));
    }

    [Fact]
    public void Homebrews_python_is_a_framework_build_installing_under_the_Homebrew_prefix_and_externally_managed()
    {
        var probe = RecordedProbes.Load("macos-homebrew-3.13");

        Assert.Equal("Python", probe.Framework);
        Assert.Equal("osx_framework_library", probe.PrefixScheme);
        Assert.Equal("/opt/homebrew/lib/python3.13/site-packages", probe.Default.Purelib);
        Assert.StartsWith("/opt/homebrew/opt/python@3.13/", probe.Stdlib);
        var managed = new ExternallyManaged(Path.Combine(probe.Stdlib, "EXTERNALLY-MANAGED"), "To install Python packages system-wide, try brew install");

        // Homebrew's prefix is the installing admin's: for another user an install defaults to the user site, which PEP 668 refuses.
        var outcome = InstallDecision.Decide(new InstallFacts { Probe = probe, DefaultSchemeWritable = false, ExternallyManaged = managed });

        var refuse = Assert.IsType<InstallOutcome.Refuse>(outcome);
        Assert.Contains("brew install", refuse.Message);
    }

    [Fact]
    public void A_root_owned_conda_base_environment_defaults_to_the_user_base_like_any_system_Python()
    {
        var probe = RecordedProbes.Load("linux-conda-base-3.12");

        var outcome = InstallDecision.Decide(new InstallFacts { Probe = probe, DefaultSchemeWritable = false });

        Assert.IsType<InstallOutcome.UserInstall>(outcome);
        Assert.Equal("/home/tester/.local", Assert.IsType<UserLayout.Prefix>(UserLayout.Choose(probe)).UserBase);
    }
}
