using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;
using UvShim.Tests.Infrastructure.Skips;

namespace UvShim.Tests.Integration;

/// <summary>
/// Dependencies the system site-packages already satisfies: pip keeps them ("Requirement already satisfied"); uv under
/// <c>--prefix</c> sees only the user base and would install them again at its newest choice. uvshim pins them to the
/// system's versions in a private constraints file, and lets uv choose only when the pins leave no solution. The fake uv
/// models uv's view: it resolves from the index alone and compares with the target's site-packages only (the control
/// runs it directly). The interpreter's system site-packages holds <c>uvshim-system 3.0</c> and <c>uvshim-demo 0.9</c>.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SystemSiteSpecs(UserSiteFixture fixture) : IClassFixture<UserSiteFixture>
{
    private static SystemPackagesInterpreter System => TestInterpreters.UnwritableCopyWithSystemPackages;

    private sealed record Index(string Url, BuiltWheel App, BuiltWheel NeedsNewer);

    /// <summary>uvshim-system 3.0 and 3.1; uvshim-app (needs uvshim-system); uvshim-needs-newer (needs uvshim-system&gt;=3.1).</summary>
    private static Index CreateIndex(TestUser user)
    {
        var wheels = user.CreateDirectory("index-wheels");
        var app = WheelBuilder.Build(wheels, "uvshim-app", "1.0", requires: ["uvshim-system"]);
        var needsNewer = WheelBuilder.Build(wheels, "uvshim-needs-newer", "1.0", requires: ["uvshim-system>=3.1"]);
        var root = LocalIndex.Create(user, "index",
            WheelBuilder.Build(wheels, "uvshim-system", "3.0"), WheelBuilder.Build(wheels, "uvshim-system", "3.1"), app, needsNewer);
        return new Index(LocalIndex.Url(root), app, needsNewer);
    }

    private Dictionary<string, string> Environment(TestUser user, params (string, string)[] extra) =>
        fixture.ShimEnvironment(user, System.Python, [("UV_SYSTEM_PYTHON", "1"), .. extra]);

    private ProcessResult Install(TestUser user, Index index, string[] arguments, params (string, string)[] extra) =>
        ShimProcessRunner.RunShim(user, ["pip", "install", "--index-url", index.Url, .. arguments], Environment(user, extra));

    /// <summary>name==version of each distribution in the user site.</summary>
    private static List<string> UserSite(TestUser user) =>
        Directory.Exists(System.Python.UserSitePackages(user))
            ? Directory.EnumerateDirectories(System.Python.UserSitePackages(user), "*.dist-info")
                .Select(d => Path.GetFileName(d)[..^".dist-info".Length].Replace('_', '-'))
                .Select(d => d[..d.LastIndexOf('-')] + "==" + d[(d.LastIndexOf('-') + 1)..])
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private static string ConstraintsArgument(FakeUvRecord record)
    {
        var arguments = record.Arguments;
        var at = arguments.ToList().IndexOf("--constraints");
        Assert.True(at >= 0, $"no --constraints in {string.Join(' ', arguments)}");
        return arguments[at + 1];
    }

    [LinuxFact]
    public void Uv_alone_under_the_prefix_would_install_the_newest_copy_of_a_dependency_the_system_site_has()
    {
        using var user = TestUser.CreateUnprivileged();
        var index = CreateIndex(user);

        var result = ShimProcessRunner.Run(user, fixture.Binaries.FakeUv,
            ["pip", "install", "--prefix", user.UserBase, "--python", System.Python.Executable, "--index-url", index.Url, "uvshim-app"],
            user.Environment(IntegrationFixture.PathWith(System.Python)));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["uvshim-app==1.0", "uvshim-system==3.1"], UserSite(user));
    }

    [LinuxFact]
    public void A_dependency_the_system_site_satisfies_keeps_the_systems_version()
    {
        using var user = TestUser.CreateUnprivileged();
        var index = CreateIndex(user);

        var result = Install(user, index, ["uvshim-app"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["uvshim-app==1.0", "uvshim-system==3.0"], UserSite(user));
        var record = result.SingleRecord;
        Assert.NotEqual(result.ProcessId, record.ProcessId);
        var constraints = ConstraintsArgument(record);
        Assert.False(File.Exists(constraints), "the private constraints file outlives the install");
        Assert.StartsWith(Path.GetFullPath(user.TemporaryDirectory), constraints);
        Assert.DoesNotContain("no solution", result.StandardError);
    }

    [LinuxFact]
    public void Explain_shows_the_pins_and_the_retry()
    {
        using var user = TestUser.CreateUnprivileged();

        var result = ShimProcessRunner.RunShim(user, ["shim", "explain", "pip", "install", "uvshim-app"], Environment(user));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("constraints:   uvshim-demo==0.9, uvshim-system==3.0\n", result.StandardOutput);
        Assert.Contains("--constraints '<private constraints file>' uvshim-app", result.StandardOutput);
        Assert.Contains("if it exits 1:", result.StandardOutput);
    }

    [LinuxFact]
    public void When_the_pins_leave_no_solution_uv_chooses_and_the_newer_copy_shadows_the_systems_as_pip_would_do()
    {
        using var user = TestUser.CreateUnprivileged();
        var index = CreateIndex(user);

        var result = Install(user, index, ["uvshim-needs-newer"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["uvshim-needs-newer==1.0", "uvshim-system==3.1"], UserSite(user));
        Assert.Equal(3, result.Records.Count); // pinned (no solution), the unpinned dry run, the install
        Assert.Contains("--constraints", result.Records[0].Arguments);
        Assert.Contains("--dry-run", result.Records[1].Arguments);
        Assert.DoesNotContain("--constraints", result.Records[2].Arguments);
        Assert.DoesNotContain("--dry-run", result.Records[2].Arguments);
        Assert.Contains("No solution found when resolving dependencies", result.StandardError);
        Assert.Contains("uvshim: The packages of the system site-packages, at their versions there, leave no solution", result.StandardError);
    }

    [LinuxFact]
    public void A_request_without_a_solution_either_way_fails_with_uvs_exit_code_and_installs_nothing()
    {
        using var user = TestUser.CreateUnprivileged();
        var index = CreateIndex(user);

        var result = Install(user, index, ["uvshim-system==9.9"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.Records.Count); // the install and the dry run that finds no way out either
        Assert.Empty(UserSite(user));
        Assert.DoesNotContain("uvshim: The packages of the system site-packages", result.StandardError);
    }

    [LinuxTheory]
    [InlineData("uvshim-system==3.1", "uvshim-system==3.1")]
    [InlineData("uvshim-system", "uvshim-system==3.0")]
    public void A_package_named_with_a_version_is_uvs_to_choose_a_bare_name_keeps_the_systems(string requirement, string installed)
    {
        using var user = TestUser.CreateUnprivileged();
        var index = CreateIndex(user);

        var result = Install(user, index, [requirement]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([installed], UserSite(user));
        Assert.Single(result.Records);
    }

    [LinuxFact]
    public void Upgrade_asks_uv_for_its_newest_choice_so_nothing_is_pinned()
    {
        using var user = TestUser.CreateUnprivileged();
        var index = CreateIndex(user);

        var result = Install(user, index, ["--upgrade", "uvshim-app"], ("PATH", IntegrationFixture.PathWith(System.Python, System.Python.UserScripts(user))));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["uvshim-app==1.0", "uvshim-system==3.1"], UserSite(user));
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId); // nothing to pin, scripts on PATH: exec
    }

    [LinuxFact]
    public void The_users_UV_CONSTRAINT_still_applies_next_to_the_pins()
    {
        using var user = TestUser.CreateUnprivileged();
        var index = CreateIndex(user);
        var mine = Path.Combine(user.CreateDirectory("constraints"), "mine.txt");
        user.WriteFile(mine, "uvshim-app<1.0\n");

        var result = Install(user, index, ["uvshim-app"], ("UV_CONSTRAINT", mine));

        Assert.Equal(1, result.ExitCode); // uvshim-app<1.0 has no version: with or without the pins
        Assert.Contains("--constraints=" + mine, result.Records[0].Arguments);
        Assert.Empty(UserSite(user));
    }

    [LinuxFact]
    public void Without_a_TMPDIR_for_the_private_file_the_install_is_exec_d_without_pins()
    {
        using var user = TestUser.CreateUnprivileged();
        var index = CreateIndex(user);

        var result = Install(user, index, ["uvshim-app"], ("TMPDIR", Path.Combine(user.Scratch, "missing")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(result.ProcessId, result.SingleRecord.ProcessId);
        Assert.DoesNotContain("--constraints", result.SingleRecord.Arguments);
        Assert.Equal(["uvshim-app==1.0", "uvshim-system==3.1"], UserSite(user));
    }

    [LinuxFact]
    public void On_Debians_python_the_pins_are_the_distributions_importlib_metadata_finds_in_its_system_site_directories()
    {
        using var user = TestUser.CreateUnprivileged();
        var python = IntegrationFixture.DebianPython;
        const string Program = """
            import importlib.metadata as m, re, site
            found = {}
            for d in m.distributions(path=site.getsitepackages()):
                found.setdefault(re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower(), d.version)
            print(", ".join(sorted(f"{n}=={v}" for n, v in found.items())))
            """;
        var environment = fixture.ShimEnvironment(user, python, ("UV_SYSTEM_PYTHON", "1"), ("UV_BREAK_SYSTEM_PACKAGES", "1"));
        var expected = ShimProcessRunner.Run(user, python.Executable, ["-I", "-c", Program], environment);
        Assert.True(expected.ExitCode == 0 && expected.StandardOutput.Trim().Length > 0, expected.ToString());

        var explained = ShimProcessRunner.RunShim(user, ["shim", "explain", "pip", "install", "uvshim-app"], environment);

        Assert.True(explained.ExitCode == 0, explained.ToString());
        Assert.Contains($"constraints:   {expected.StandardOutput.Trim()}\n", explained.StandardOutput);
    }
}
