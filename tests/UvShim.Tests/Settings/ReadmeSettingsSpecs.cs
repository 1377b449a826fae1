using UvShim.Settings;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Settings;

public class ReadmeSettingsSpecs
{
    [Fact]
    public void The_README_settings_table_lists_exactly_the_settings_uvshim_reads()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("<!-- settings table", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- end settings table -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no settings table markers");

        var rows = readme[start..end].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        var expected = SettingDefinitions.All.Select(s =>
            $"| `{s.EnvironmentVariable}` | `{s.Key}` | {(s.Default.Length == 0 ? "" : $"`{s.Default}` ")}| {s.Meaning} |").ToList();
        Assert.Equal(expected, rows.Select(r => r.TrimEnd()).ToList());
    }
}

public class HelpSettingsSpecs
{
    [Fact]
    public void Shim_help_lists_every_setting_with_its_variable_key_default_and_meaning()
    {
        var help = UvShim.Commands.HelpText.Render();

        foreach (var setting in SettingDefinitions.All)
        {
            var shownDefault = setting.Default.Length == 0 ? "(none)" : setting.Default;
            Assert.Contains($"  {setting.EnvironmentVariable,-22} {setting.Key,-22} {shownDefault}\n      {setting.Meaning}\n", help);
        }
    }

    [Theory]
    [InlineData("explain")]
    [InlineData("doctor")]
    [InlineData("version")]
    [InlineData("help")]
    public void Every_shim_command_is_in_both_the_help_and_the_README(string verb)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

        Assert.Contains($"uvshim shim {verb}", UvShim.Commands.HelpText.Render());
        Assert.Contains($"uvshim shim {verb}", readme);
    }
}
