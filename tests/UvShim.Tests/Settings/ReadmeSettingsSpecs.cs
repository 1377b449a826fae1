using UvShim.Settings;

namespace UvShim.Tests.Settings;

public class ReadmeSettingsSpecs
{
    [Fact]
    public void The_README_settings_table_lists_exactly_the_settings_uvshim_reads()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("<!-- settings table", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- end settings table -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no settings table markers");

        var rows = readme[start..end].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        var expected = SettingDefinitions.All.Select(s =>
            $"| `{s.EnvironmentVariable}` | `{s.Key}` | {(s.Default.Length == 0 ? "" : $"`{s.Default}` ")}| {s.Meaning} |").ToList();
        Assert.Equal(expected, rows.Select(r => r.TrimEnd()).ToList());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UvShim.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("UvShim.sln not found above " + AppContext.BaseDirectory);
    }
}
