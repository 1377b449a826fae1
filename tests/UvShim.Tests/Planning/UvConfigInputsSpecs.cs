using UvShim.Planning;
using UvShim.UvConfig;

namespace UvShim.Tests.Planning;

/// <summary>What a command line says about uv's configuration files, as uv 0.12.5's clap reads it.</summary>
public sealed class UvConfigInputsSpecs
{
    public static TheoryData<string, string, bool, string> Lines => new()
    {
        { "pip install --no-config x", "PipInstall", true, "Pip" },
        { "--no-config pip sync r.txt", "PipSync", true, "Pip" },
        // compat.rs PipSyncCompatArgs' no_config: clap hands its value to the global no_config.
        { "pip sync --no-config r.txt", "PipSync", true, "Pip" },
        { "pip sync r.txt", "PipSync", false, "Pip" },
        { "sync --no-config", "ProjectSync", true, "Project" },
        // uv run has an --isolated of its own, so the global one never turns configuration off there.
        { "--isolated run x", "ProjectRun", false, "Project" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void No_config_and_the_command_kind_are_read_as_uv_reads_them(string line, string kind, bool noConfig, string command)
    {
        var inputs = UvConfigLoader.Inputs(PlannerHarness.Parse(line.Split(' ')), Enum.Parse<InvocationKind>(kind));

        Assert.Equal(noConfig, inputs.NoConfig);
        Assert.Equal(Enum.Parse<UvCommandKind>(command), inputs.Command);
    }

    [Fact]
    public void A_config_file_is_read_from_the_global_option_also_for_pip_sync()
    {
        var inputs = UvConfigLoader.Inputs(PlannerHarness.Parse(["pip", "sync", "--config-file", "c.toml", "r.txt"]), InvocationKind.PipSync);

        Assert.Equal("c.toml", inputs.ConfigFile);
    }
}
