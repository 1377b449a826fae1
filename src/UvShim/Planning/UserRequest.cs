using UvShim.Arguments;
using UvShim.PipConfig;

namespace UvShim.Planning;

/// <summary>
/// pip's <c>use_user_site</c> for one install: <c>--user</c> or <c>--no-user</c> on the command line (the last one wins,
/// as with optparse), else pip's own configuration (<c>PIP_USER</c>, pip.conf <c>user</c>), else nothing.
/// </summary>
/// <param name="User">True: a user install; false: a non-user install; null: pip decides by writability.</param>
/// <param name="FromPipConfiguration">Set by pip's configuration, not typed: followed only where uv alone would not fail.</param>
internal sealed record UserRequest(bool? User, string Source, bool FromPipConfiguration)
{
    public static readonly UserRequest None = new(null, "", false);

    /// <summary>The command line's request; for <c>pip sync</c> only <c>--user</c> (pip has no sync, uv no <c>--no-user</c>).</summary>
    public static UserRequest? FromCommandLine(UvArguments arguments, bool install)
    {
        var last = arguments.Options.LastOrDefault(o => o.Name == "--user" || (install && IsNoUser(o)));
        return last is null ? null : new UserRequest(last.Name == "--user", last.Name, false);
    }

    public static UserRequest FromSwitch(PipSwitch? pipSwitch) =>
        pipSwitch is null ? None : new UserRequest(pipSwitch.Value, pipSwitch.Source, true);

    /// <summary>pip's <c>--no-user</c> (a flag; uv has no such option).</summary>
    public static bool IsNoUser(UvOption option) => option.Name == "--no-user" && option.Value is null;

    public string Describe() =>
        User switch
        {
            true => $"user install asked for by {Source}",
            false => $"non-user install asked for by {Source}",
            _ => "none (pip decides by whether site-packages is writable)",
        };
}
