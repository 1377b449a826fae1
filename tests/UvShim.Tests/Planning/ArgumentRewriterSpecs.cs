using UvShim.Arguments;
using UvShim.Decision;
using UvShim.Planning;

namespace UvShim.Tests.Planning;

public class ArgumentRewriterSpecs
{
    private const string Exe = "/usr/bin/python3";

    private static string[] Rewrite(UserLayout layout, params string[] args)
    {
        var slots = ArgumentRewriter.ToUserScheme(UvArguments.Parse(args), layout, Exe);
        return slots.Select(s => s.OriginalIndex >= 0 ? args[s.OriginalIndex] : s.Text).ToArray();
    }

    private static readonly UserLayout Prefix = new UserLayout.Prefix("/home/u/.local", "/home/u/.local/bin");

    [Theory]
    [InlineData(new[] { "pip", "install", "x" }, new[] { "pip", "install", "--prefix", "/home/u/.local", "--python", Exe, "x" })]
    [InlineData(new[] { "-q", "pip", "install", "--user", "-U", "x" }, new[] { "-q", "pip", "install", "--prefix", "/home/u/.local", "--python", Exe, "-U", "x" })]
    [InlineData(new[] { "pip", "install", "x", "--user", "--", "--user" }, new[] { "pip", "install", "--prefix", "/home/u/.local", "--python", Exe, "x", "--", "--user" })]
    [InlineData(new[] { "pip", "install", "--python=3.11", "x" }, new[] { "pip", "install", "--prefix", "/home/u/.local", "--python=" + Exe, "x" })]
    [InlineData(new[] { "pip", "install", "-p", "python3", "x" }, new[] { "pip", "install", "--prefix", "/home/u/.local", "-p", Exe, "x" })]
    [InlineData(new[] { "pip", "install", "-qp3.11", "x" }, new[] { "pip", "install", "--prefix", "/home/u/.local", "-qp" + Exe, "x" })]
    [InlineData(new[] { "pip", "--cache-dir", "install", "install", "--user", "x" }, new[] { "pip", "--cache-dir", "install", "install", "--prefix", "/home/u/.local", "--python", Exe, "x" })]
    public void Only_user_and_python_change_and_the_prefix_and_python_follow_the_subcommand(string[] input, string[] expected)
    {
        Assert.Equal(expected, Rewrite(Prefix, input));
    }

    [Fact]
    public void A_target_layout_adds_target_with_the_user_site()
    {
        var layout = new UserLayout.Target("/u/site", "/u/site/bin", "/u/bin", "differs");

        Assert.Equal(["pip", "install", "--target", "/u/site", "--python", Exe, "x"], Rewrite(layout, "pip", "install", "x"));
    }

    [Fact]
    public void Untouched_tokens_keep_their_original_index_so_their_raw_bytes_reach_uv()
    {
        string[] args = ["pip", "install", "--user", "caf\u00e9", "x y"];

        var slots = ArgumentRewriter.ToUserScheme(UvArguments.Parse(args), Prefix, Exe);

        Assert.Contains(slots, s => s.OriginalIndex == 3);
        Assert.Contains(slots, s => s.OriginalIndex == 4);
        Assert.DoesNotContain(slots, s => s.OriginalIndex == 2);
    }
}
