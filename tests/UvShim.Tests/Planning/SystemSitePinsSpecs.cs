using UvShim.Arguments;
using UvShim.Planning;
using UvShim.Python;
using UvShim.Tests.Python;

namespace UvShim.Tests.Planning;

/// <summary>The constraints uvshim hands uv so that what the system site has stays as pip would keep it.</summary>
public sealed class SystemSitePinsSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("uvshim-pins-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Site(string name, params string[] entries)
    {
        var site = Path.Combine(_dir, name);
        Directory.CreateDirectory(site);
        foreach (var entry in entries)
        {
            if (entry.Contains('/'))
            {
                var (directory, content) = (entry[..entry.IndexOf('/')], entry[(entry.IndexOf('/') + 1)..]);
                Directory.CreateDirectory(Path.Combine(site, directory));
                var file = directory.EndsWith(".dist-info", StringComparison.Ordinal) ? "METADATA" : "PKG-INFO";
                File.WriteAllText(Path.Combine(site, directory, file), content);
            }
            else
            {
                Directory.CreateDirectory(Path.Combine(site, entry));
            }
        }
        return site;
    }

    private InterpreterProbe Probe(string[] systemSites, string userSite)
    {
        var probe = RecordedProbes.Load("linux-pyenv-3.13");
        return probe with
        {
            SitePackages = string.Join(':', systemSites),
            UserSite = userSite,
            User = probe.User with { Purelib = userSite, Platlib = userSite },
        };
    }

    private List<string> Pins(InterpreterProbe probe, params string[] arguments) =>
        SystemSitePins.For(UvArguments.Parse(["pip", "install", .. arguments]), probe, _dir);

    [Fact]
    public void Every_system_distribution_is_pinned_at_its_version_first_on_sys_path_winning()
    {
        var first = Site("first", "Requests-2.28.1.dist-info", "python_apt-2.6.0.egg-info", "cryptography.egg-info/Metadata-Version: 2.1\nName: cryptography\nVersion: 38.0.4\n\nbody");
        var second = Site("second", "requests-2.31.0.dist-info", "six-1.16.0-py3.11.egg-info");
        var probe = Probe([first, second], Site("user"));

        var pins = Pins(probe, "app");

        Assert.Equal(["cryptography==38.0.4", "python-apt==2.6.0", "requests==2.28.1", "six==1.16.0"], pins);
    }

    [Fact]
    public void What_the_user_site_has_or_the_user_names_with_a_version_url_or_path_is_not_pinned()
    {
        var system = Site("system", "a-1.0.dist-info", "b-1.0.dist-info", "c-1.0.dist-info", "d-1.0.dist-info", "e-1.0.dist-info",
            "f-1.0.dist-info", "g-1.0.dist-info", "h-1.0.dist-info", "kept-1.0.dist-info", "bare-1.0.dist-info");
        var probe = Probe([system], Site("user", "a-2.0.dist-info"));
        File.WriteAllText(Path.Combine(_dir, "r.txt"), "c>=1\nbare\n");
        File.WriteAllText(Path.Combine(_dir, "c.txt"), "d<3\n");
        File.WriteAllText(Path.Combine(_dir, "o.txt"), "e==1.0\n");

        var pins = Pins(probe, "b==1.0", "bare[x]", "-r", "r.txt", "-c", "c.txt", "--overrides", "o.txt",
            "--upgrade-package", "f", "--reinstall-package", "g", "./dist/h-1.0-py3-none-any.whl");

        Assert.Equal(["bare==1.0", "kept==1.0"], pins);
    }

    [Theory]
    [InlineData("--upgrade", "--no-upgrade")]
    [InlineData("-U", "--no-upgrade")]
    [InlineData("--reinstall", "--no-reinstall")]
    [InlineData("--force-reinstall", "--no-reinstall")]
    public void Nothing_is_pinned_when_uv_is_to_ignore_what_is_installed(string option, string negation)
    {
        var probe = Probe([Site("system", "a-1.0.dist-info")], Site("user"));

        Assert.Empty(Pins(probe, option, "app"));
        Assert.Equal(["a==1.0"], Pins(probe, option, negation, "app"));
    }

    [Fact]
    public void A_version_uv_could_not_read_is_not_pinned()
    {
        var probe = Probe([Site("system", "odd-1.0~dfsg.dist-info", "fine-1.0.post1+deb12.dist-info")], Site("user"));

        Assert.Equal(["fine==1.0.post1+deb12"], Pins(probe, "app"));
    }

    [Fact]
    public void An_unreadable_requirements_file_pins_nothing_and_leaves_the_error_to_uv()
    {
        var probe = Probe([Site("system", "a-1.0.dist-info")], Site("user"));

        Assert.Empty(Pins(probe, "-r", "missing.txt"));
    }
}
