using UvShim.Arguments;
using UvShim.Decision;

namespace UvShim.Planning;

/// <summary>
/// SPEC §3.5: drop <c>--user</c>, pin <c>--python</c> (replacing any value, since uv rejects a
/// repeated option), add <c>--prefix</c> or <c>--target</c>. Every other token is kept as it came.
/// </summary>
internal static class ArgumentRewriter
{
    public static IReadOnlyList<ArgumentSlot> ToUserScheme(UvArguments arguments, UserLayout layout, string executable,
        IEnumerable<UvOption>? alsoRemove = null, IEnumerable<string>? alsoInsert = null)
    {
        var edit = arguments.Edit();
        foreach (var option in arguments.All("--user").Concat(alsoRemove ?? []).ToList())
            edit.Remove(option);

        var inserted = LayoutOptions(layout);

        var pythons = arguments.All("--python").ToList();
        if (pythons.Count == 0)
            inserted.AddRange(["--python", executable]);
        foreach (var python in pythons)
            edit.ReplaceValue(python, executable);

        edit.InsertAfterCommand([.. inserted, .. alsoInsert ?? []]);
        return edit.Build();
    }

    /// <summary><c>--prefix &lt;user base&gt;</c> or <c>--target &lt;user site&gt;</c>.</summary>
    public static List<string> LayoutOptions(UserLayout layout) =>
        layout switch
        {
            UserLayout.Prefix prefix => ["--prefix", prefix.UserBase],
            UserLayout.Target target => ["--target", target.UserSite],
            _ => throw new InvalidOperationException("unknown layout"),
        };
}
