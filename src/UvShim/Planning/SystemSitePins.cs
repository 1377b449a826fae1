using UvShim.Arguments;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// pip installs into the user site with everything on sys.path counted as installed: a dependency the system
/// site-packages already satisfies is "Requirement already satisfied" and stays as it is (pip 24 to 26
/// src/pip/_internal/resolution/resolvelib/factory.py: <c>_installed_dists</c> from the default environment, the
/// installed candidate preferred when it fits). uv under <c>--prefix</c>/<c>--target</c> sees only that directory
/// (uv 0.12.5 crates/uv/src/commands/pip/install.rs: <c>SitePackages::from_environment</c> of the environment
/// <c>with_prefix</c>/<c>with_target</c>), so it would install every dependency again at its newest version, shadowing
/// the system's copy for every program the user runs. These pins, handed to uv as a constraints file, keep each
/// system package uv needs at the system's version.
/// </summary>
/// <remarks>
/// Not pinned: what the user site has (uv sees that itself, and it comes first on sys.path); what the user names with
/// a version, URL or path (on the command line, in <c>-r</c>, <c>-c</c> and <c>--overrides</c> files,
/// <c>--upgrade-package</c>, <c>--reinstall-package</c>); everything under <c>--upgrade</c> or <c>--reinstall</c>
/// (uv then ignores what is installed); versions uv could not read. A name given bare (<c>requests</c>) is pinned: pip
/// would keep the system's copy of it too.
/// </remarks>
internal static class SystemSitePins
{
    /// <summary>The <c>name==version</c> lines, or empty when there is nothing to pin.</summary>
    public static List<string> For(UvArguments arguments, InterpreterProbe probe, string workingDirectory)
    {
        if (Flags.Last(arguments, "--upgrade", "--no-upgrade") == true || Flags.Last(arguments, "--reinstall", "--no-reinstall") == true)
            return [];

        HashSet<string> named;
        try
        {
            named = Named(arguments, workingDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // uv will say what it cannot read
        }

        var userSite = new[] { probe.User.Purelib, probe.User.Platlib, probe.UserSite }.Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
        var inUserSite = InstalledDistributions.In(userSite).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        return InstalledDistributions.In(probe.SiteDirectories.Where(d => !userSite.Contains(d)))
            .Where(d => !named.Contains(d.Name) && !inUserSite.Contains(d.Name) && Pep440.IsValid(d.Version))
            .Select(d => $"{d.Name}=={d.Version.Trim()}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The names the user asks for with a version, URL or path, or constrains, overrides or upgrades.</summary>
    private static HashSet<string> Named(UvArguments arguments, string workingDirectory)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var requirements = arguments.Positionals.Select(p => p.Value).ToList();
        foreach (var name in new[] { "--requirements", "--constraints", "--overrides" })
        {
            foreach (var file in arguments.All(name))
            {
                if (file.Value is not { Length: > 0 } path || path == "-")
                    continue;
                var lines = PackageName.RequirementsIn(Path.GetFullPath(path, workingDirectory));
                if (name == "--requirements")
                    requirements.AddRange(lines);
                else
                    names.UnionWith(lines.Select(PackageName.OfRequirement).OfType<string>()); // whatever it says of the package
            }
        }

        foreach (var requirement in requirements.Where(r => !PackageName.IsBare(r)))
        {
            if ((PackageName.OfRequirement(requirement) ?? WheelName(requirement)) is { } name)
                names.Add(name);
        }
        foreach (var option in arguments.All("--upgrade-package").Concat(arguments.All("--reinstall-package")))
        {
            if (option.Value is { } value && PackageName.OfRequirement(value) is { } name)
                names.Add(name);
        }
        return names;
    }

    /// <summary>The name of a wheel given by path or URL (<c>dist/foo_bar-1.0-py3-none-any.whl</c> is <c>foo-bar</c>).</summary>
    private static string? WheelName(string requirement)
    {
        var file = requirement.TrimEnd('/').Split('/', '\\')[^1];
        if (!file.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
            return null;
        var dash = file.IndexOf('-');
        return dash > 0 ? PackageName.Normalize(file[..dash]) : null;
    }
}
