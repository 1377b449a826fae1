using UvShim.Arguments;

namespace UvShim.Tests.Arguments;

/// <summary>Test helpers: a command line written as one space-separated string (without the leading <c>uv</c>).</summary>
internal static class Line
{
    public static string[] Split(string line) =>
        line.Length == 0 ? [] : line.Split(' ');

    public static UvArguments Parse(string line) => UvArguments.Parse(Split(line));

    public static string Join(IEnumerable<ArgumentSlot> slots) => string.Join(' ', slots.Select(s => s.Text));

    public static string[] Texts(IEnumerable<ArgumentSlot> slots) => [.. slots.Select(s => s.Text)];

    public static UvOption Single(UvArguments args, string name) =>
        Assert.Single(args.All(name));
}
