namespace UvShim.FakeUv.Project;

/// <summary>A package the project needs, with the markers of the edges that lead to it and the packages that depend on it.</summary>
internal sealed record SelectedPackage(LockPackage Package, string? Marker, IReadOnlyList<string> Dependents);

/// <summary>
/// Which locked packages a project command installs or exports, as uv's <c>ExportableRequirements::from_lock</c>
/// walks the lock: the root packages (<see cref="Roots"/>; unless only groups are asked for) with their requested extras, the dependencies of
/// the enabled groups (connected to the root, so they get no "via"), then everything reachable. Groups: the defaults
/// (<c>tool.uv.default-groups</c>, else <c>dev</c>) adjusted by <c>--no-dev</c>, <c>--only-dev</c>, <c>--group</c>,
/// <c>--only-group</c>, <c>--all-groups</c>, <c>--no-group</c>, <c>--no-default-groups</c>; extras by <c>--extra</c>,
/// <c>--all-extras</c>, <c>--no-extra</c>. The install options (<c>--no-emit-project</c>/<c>--no-install-project</c>,
/// <c>…-workspace</c>, <c>…-package</c>, <c>--only-emit-package</c>) filter the result. Markers are not evaluated
/// (a package reached only under markers carries them; several different ones are joined with <c>or</c>).
/// </summary>
internal static class LockSelection
{
    public static IReadOnlyList<SelectedPackage> Select(UvLock lockFile, ProjectWorkspace project, UvCommandLine line)
    {
        var (rootNames, projectName) = Roots(lockFile, project, line);
        var roots = rootNames.Select(n => lockFile.Packages.FirstOrDefault(p => p.Name == n)
            ?? throw new UvError($"Could not find root package `{n}`")).ToList();

        var onlyGroups = line.Values("only-group").Select(PackageName.Normalize).ToList();
        var onlyDev = line.Has("only-dev");
        var production = !onlyDev && onlyGroups.Count == 0;
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var declared = roots.SelectMany(r => r.DependencyGroups.Keys).ToHashSet(StringComparer.Ordinal);
        if (onlyDev)
        {
            groups.Add("dev");
        }
        else if (onlyGroups.Count > 0)
        {
            groups.UnionWith(onlyGroups);
        }
        else
        {
            if (!line.Has("no-default-groups"))
            {
                groups.UnionWith(project.DefaultGroups ?? ["dev"]);
            }
            if (line.Has("no-dev") || Boolish.Env("UV_NO_DEV"))
            {
                groups.Remove("dev");
            }
            groups.UnionWith(line.Values("group").Select(PackageName.Normalize));
            if (line.Has("all-groups"))
            {
                groups.UnionWith(declared);
            }
            groups.ExceptWith(line.Values("no-group").Select(PackageName.Normalize));
        }
        foreach (var group in groups.Where(g => !declared.Contains(g) && line.Values("group", "only-group").Select(PackageName.Normalize).Contains(g)))
        {
            throw new UvError($"Group `{group}` is not defined in the project's `dependency-groups` table");
        }

        var declaredExtras = roots.SelectMany(r => r.OptionalDependencies.Keys).ToHashSet(StringComparer.Ordinal);
        var extras = line.Has("all-extras")
            ? declaredExtras
            : line.Values("extra").SelectMany(v => v.Split(',')).Select(PackageName.Normalize).ToHashSet(StringComparer.Ordinal);
        extras.ExceptWith(line.Values("no-extra").Select(PackageName.Normalize));
        foreach (var extra in extras.Where(e => !declaredExtras.Contains(e)))
        {
            throw new UvError($"Extra `{extra}` is not defined in the project's `optional-dependencies` table");
        }

        // node -> incoming edges (from package name or null for the root), in discovery order
        var order = new List<LockPackage>();
        var incoming = new Dictionary<LockPackage, List<(string? From, string? Marker)>>();
        var queue = new Queue<(LockPackage Package, string? Extra)>();
        var seen = new HashSet<(LockPackage, string?)>();

        void AddEdge(string? from, LockPackage to, string? marker)
        {
            if (!incoming.TryGetValue(to, out var edges))
            {
                incoming[to] = edges = [];
                order.Add(to);
            }
            edges.Add((from, marker));
        }

        foreach (var root in roots)
        {
            if (production)
            {
                AddEdge(null, root, null);
                if (seen.Add((root, null)))
                {
                    queue.Enqueue((root, null));
                }
                foreach (var extra in extras.Where(root.OptionalDependencies.ContainsKey))
                {
                    if (seen.Add((root, extra)))
                    {
                        queue.Enqueue((root, extra));
                    }
                }
            }
            foreach (var (group, dependencies) in root.DependencyGroups.Where(g => groups.Contains(g.Key)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                foreach (var dependency in dependencies)
                {
                    var package = lockFile.Find(dependency.Name, dependency.Version);
                    AddEdge(null, package, dependency.Marker);
                    Enqueue(package, dependency.Extras);
                }
            }
        }
        while (queue.Count > 0)
        {
            var (package, extra) = queue.Dequeue();
            var dependencies = extra is null
                ? package.Dependencies
                : package.OptionalDependencies.GetValueOrDefault(extra) ?? [];
            foreach (var dependency in dependencies)
            {
                var target = lockFile.Find(dependency.Name, dependency.Version);
                AddEdge(package.Name, target, dependency.Marker);
                Enqueue(target, dependency.Extras);
            }
        }

        void Enqueue(LockPackage package, IReadOnlyList<string> dependencyExtras)
        {
            if (seen.Add((package, null)))
            {
                queue.Enqueue((package, null));
            }
            foreach (var extra in dependencyExtras)
            {
                if (seen.Add((package, extra)))
                {
                    queue.Enqueue((package, extra));
                }
            }
        }

        var noProject = line.Has("no-emit-project", "no-install-project");
        var noWorkspace = line.Has("no-emit-workspace", "no-install-workspace");
        var noPackages = line.Values("no-emit-package", "no-install-package").Select(PackageName.Normalize).ToHashSet(StringComparer.Ordinal);
        var onlyPackages = line.Values("only-emit-package", "only-install-package").Select(PackageName.Normalize).ToHashSet(StringComparer.Ordinal);
        var members = lockFile.Members.ToHashSet(StringComparer.Ordinal);
        return order
            .Where(p => !(noProject && p.Name == projectName))
            .Where(p => !(noWorkspace && (p.Name == projectName || members.Contains(p.Name))))
            .Where(p => !noPackages.Contains(p.Name))
            .Where(p => onlyPackages.Count == 0 || onlyPackages.Contains(p.Name))
            .Select(p => new SelectedPackage(p, CombinedMarker(incoming[p]), incoming[p].Select(e => e.From).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>
    /// The packages installed as roots (uv's <c>InstallTarget::roots</c>, crates/uv/src/commands/project/install_target.rs)
    /// and the one that counts as "the project" for <c>--no-emit-project</c>: with <c>--all-packages</c> every member (the
    /// lock's <c>[manifest] members</c>, else its root package); with <c>--package</c> those; in a project that project; at a
    /// non-project workspace root every member.
    /// </summary>
    private static (IReadOnlyList<string> Roots, string? ProjectName) Roots(UvLock lockFile, ProjectWorkspace project, UvCommandLine line)
    {
        var packages = line.Values("package").Select(PackageName.Normalize).Distinct().ToList();
        if (line.Has("all-packages"))
        {
            if (lockFile.Members.Count > 0)
            {
                return (lockFile.Members, null);
            }
            var root = lockFile.Packages.FirstOrDefault(p => p.Source.Kind is "virtual" or "editable" or "directory" && p.Source.Value == ".");
            return (root is null ? [] : [root.Name], root?.Name);
        }
        return packages switch
        {
            [var one] => ([one], one),
            [_, _, ..] => (packages, null),
            _ when project.CurrentName is { } name => ([name], name),
            _ => (lockFile.Members, null),
        };
    }

    private static string? CombinedMarker(List<(string? From, string? Marker)> edges)
    {
        if (edges.Any(e => e.Marker is null))
        {
            return null;
        }
        var markers = edges.Select(e => e.Marker!).Distinct().ToList();
        return markers.Count == 1 ? markers[0] : string.Join(" or ", markers.Select(m => $"({m})"));
    }
}
