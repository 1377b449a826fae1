using UvShim.Python;

namespace UvShim.Decision;

/// <summary>How the user scheme is expressed to uv (docs/design.md, "Layouts").</summary>
internal abstract record UserLayout
{
    /// <summary><c>--prefix &lt;userbase&gt;</c>: uv's prefix layout is the user scheme, scripts included.</summary>
    public sealed record Prefix(string UserBase, string ScriptsDirectory) : UserLayout;

    /// <summary>
    /// <c>--target &lt;usersite&gt;</c>: the layouts differ, so packages go to the user site and uv puts
    /// console scripts in <paramref name="ScriptsDirectory"/> instead of the user scheme's
    /// <paramref name="UserScripts"/>.
    /// </summary>
    public sealed record Target(string UserSite, string ScriptsDirectory, string UserScripts, string Difference) : UserLayout;

    public static UserLayout Choose(InterpreterProbe probe)
    {
        var windows = probe.IsWindows;
        var userBase = probe.UserBase;
        var uv = new SchemePaths(
            PathText.Join(userBase, probe.PrefixLayout.Purelib, windows),
            PathText.Join(userBase, probe.PrefixLayout.Platlib, windows),
            PathText.Join(userBase, probe.PrefixLayout.Scripts, windows),
            PathText.Join(userBase, probe.PrefixLayout.Data, windows));

        var difference = FirstDifference(uv, probe.User, windows);
        if (difference is null)
            return new Prefix(userBase, probe.User.Scripts);

        return new Target(
            probe.UserSite,
            PathText.Join(probe.UserSite, "bin", windows),
            probe.User.Scripts,
            difference);
    }

    private static string? FirstDifference(SchemePaths uv, SchemePaths user, bool windows)
    {
        (string Key, string Uv, string User)[] pairs =
        [
            ("purelib", uv.Purelib, user.Purelib),
            ("platlib", uv.Platlib, user.Platlib),
            ("scripts", uv.Scripts, user.Scripts),
            ("data", uv.Data, user.Data),
        ];
        foreach (var (key, uvPath, userPath) in pairs)
        {
            if (!PathText.Same(uvPath, userPath, windows))
                return $"uv's --prefix would put {key} in {uvPath}, the user scheme has {userPath}";
        }
        return null;
    }
}
