using UvShim.UvConfig;

namespace UvShim.Tests.UvConfig;

/// <summary>The glob crate's Pattern with default MatchOptions, as uv matches workspace members.</summary>
public sealed class WorkspaceGlobSpecs
{
    [Theory]
    [InlineData("packages/*", "packages/a", true)]
    [InlineData("packages/*", "packages/a/b", true)]
    [InlineData("packages/*", "libs/a", false)]
    [InlineData("packages/a", "packages/a", true)]
    [InlineData("packages/a", "packages/ab", false)]
    [InlineData("packages/?", "packages/a", true)]
    [InlineData("packages/[ab]", "packages/b", true)]
    [InlineData("packages/[!ab]", "packages/b", false)]
    [InlineData("packages/[a-c]x", "packages/bx", true)]
    [InlineData("packages/[]]", "packages/]", true)]
    [InlineData("**/a", "a", true)]
    [InlineData("**/a", "x/y/a", true)]
    [InlineData("x/**/a", "x/a", true)]
    [InlineData("x/**", "x/y/z", true)]
    [InlineData("Packages/*", "packages/a", false)]
    public void Patterns_match_as_the_glob_crate_does(string pattern, string path, bool matches) =>
        Assert.Equal(matches, WorkspaceGlob.Compile(pattern)!.Matches(path));

    [Theory]
    [InlineData("a**")]
    [InlineData("**a")]
    [InlineData("***")]
    [InlineData("packages/[ab")]
    [InlineData("[!]")]
    public void Patterns_the_glob_crate_rejects_do_not_compile(string pattern) =>
        Assert.Null(WorkspaceGlob.Compile(pattern));
}
