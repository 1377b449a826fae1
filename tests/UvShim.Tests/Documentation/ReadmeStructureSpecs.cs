using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.Documentation;

/// <summary>The README's "How it is built" is the map a newcomer reads first: it must name every folder of the tool.</summary>
public sealed class ReadmeStructureSpecs
{
    [Fact]
    public void How_it_is_built_names_every_folder_of_the_tool()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("## How it is built", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..end];

        var folders = Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "src", "UvShim"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(folders);
        var missing = folders.Where(folder => !section.Contains($"`{folder}/`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in README.md's \"How it is built\": " + string.Join(", ", missing));
    }
}
