using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Packaging;

/// <summary>
/// .github/workflows/ci.yml cannot run here (scripts/test.sh lints it with actionlint); these keep it in step with
/// what it stands for: scripts/test.sh itself on both Linux architectures with a real uv at the oldest supported
/// version (one variable, <c>UV_OLDEST</c>) and the newest, both container examples, macOS and Windows.
/// </summary>
public sealed class CiWorkflowSpecs
{
    private static readonly string Workflow = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "workflows", "ci.yml"));

    [Fact]
    public void Linux_runs_scripts_test_sh_on_both_architectures_against_the_oldest_and_the_newest_uv()
    {
        Assert.Matches(@"(?m)^  UV_OLDEST: ""\d+\.\d+\.\d+""$", Workflow);
        Assert.Contains("arch: [x64, arm64]", Workflow);
        Assert.Contains("uv: [oldest, newest]", Workflow);
        Assert.Contains("ubuntu-24.04-arm", Workflow);
        Assert.Contains("version: ${{ matrix.uv == 'oldest' && env.UV_OLDEST || env.UV_NEWEST }}", Workflow);
        Assert.Contains("uses: astral-sh/setup-uv@", Workflow);
        Assert.Contains("UVSHIM_TEST_UV=", Workflow);
        Assert.Matches(@"(?m)^\s+run: sudo env .*""UVSHIM_TEST_UV=\$UVSHIM_TEST_UV"".* scripts/test\.sh$", Workflow);
    }

    [Fact]
    public void The_pyenv_versions_it_builds_include_those_the_older_Python_tests_ask_for()
    {
        var line = Workflow.Split('\n').Single(l => l.TrimStart().StartsWith("PYENV_PYTHONS:", StringComparison.Ordinal));

        foreach (var minor in new[] { "3.8", "3.9" })
            Assert.Contains(minor, line.Split('"')[1].Split(' '));
    }

    [Fact]
    public void Both_container_examples_and_the_other_platforms_use_the_packages_it_packed()
    {
        Assert.Contains("dockerfile: [Dockerfile, Dockerfile.alpine]", Workflow);
        Assert.Contains("--build-context uvshim-packages=packages", Workflow);
        Assert.Contains("os: [macos-latest, windows-latest]", Workflow);
        Assert.Contains("grep -q \"Best matching RID: any\" install.log", Workflow);
    }

    [Fact]
    public void Scripts_test_sh_lints_the_workflow()
    {
        var test = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "scripts", "test.sh"));

        Assert.Contains("node scripts/lint-workflows.mjs", test);
    }
}
