namespace UvShim.FakeUv.Index;

/// <summary>A package the resolver chose, the wheel it comes from, and the names its wheel requires.</summary>
internal sealed record ResolvedPackage(IndexedWheel Wheel, IReadOnlyList<NamedRequirement> Requirements, IReadOnlyList<string> Dependencies)
{
    public string Name => Wheel.Name;

    public string Version => Wheel.Version;
}

/// <summary>
/// A small, greedy resolver over what <see cref="PackageFinder"/> offers: each name gets the highest version that
/// satisfies every specifier seen for it so far, then its wheel's <c>Requires-Dist</c> are followed (those behind an
/// extra only when the extra is asked for; other markers are not evaluated). No backtracking: a later specifier the
/// chosen version fails is a "no solution" error. Names in <paramref name="provided"/> (local wheels given by path) are
/// not looked up. <paramref name="constraints"/> narrow each choice further. Failures are worded like uv's resolver report (crates/uv-resolver/src/pubgrub/report.rs): the
/// "was not found in the package registry / the cache / the provided package locations" reasons and their hints.
/// </summary>
internal static class OfflineResolver
{
    public static IReadOnlyList<ResolvedPackage> Resolve(
        IReadOnlyList<NamedRequirement> roots,
        IndexLocations locations,
        IReadOnlySet<string> provided,
        bool noDeps,
        Constraints? constraints = null)
    {
        constraints ??= Constraints.None;
        var chosen = new Dictionary<string, ResolvedPackage>(StringComparer.Ordinal);
        var order = new List<string>();
        var queue = new Queue<(NamedRequirement Requirement, string? Parent)>(roots.Select(r => (r, (string?)null)));
        var requested = new Dictionary<string, List<NamedRequirement>>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var (requirement, parent) = queue.Dequeue();
            if (provided.Contains(requirement.Name))
            {
                continue;
            }
            if (!requested.TryGetValue(requirement.Name, out var all))
            {
                requested[requirement.Name] = all = [];
            }
            all.Add(requirement);
            if (chosen.TryGetValue(requirement.Name, out var existing))
            {
                if (!requirement.Specifiers.Contains(existing.Version))
                {
                    throw NoSolution($"Because {existing.Name}=={existing.Version} was selected and you require {requirement.Display}, we can conclude that your requirements are unsatisfiable.", null);
                }
                continue;
            }
            var wheels = PackageFinder.Find(requirement.Name, locations, out var reason);
            if (wheels.Count == 0)
            {
                throw NotFound(requirement, parent, reason, locations);
            }
            var fitting = wheels.Where(w => all.All(r => r.Specifiers.Contains(w.Version))).ToList();
            if (fitting.Count > 0 && !fitting.Any(w => constraints.Allows(requirement.Name, w.Version)))
            {
                throw NoSolution(parent is null
                    ? $"Because you require {requirement.Display} and {constraints.Display(requirement.Name)}, we can conclude that your requirements are unsatisfiable."
                    : $"Because {parent} depends on {requirement.Display} and you require {constraints.Display(requirement.Name)}, we can conclude that {parent} cannot be used.",
                    null);
            }
            var candidate = fitting
                .Where(w => constraints.Allows(requirement.Name, w.Version))
                .OrderByDescending(w => w.Version, Comparer<string>.Create(PackageVersion.Compare))
                .FirstOrDefault()
                ?? throw NoSolution(
                    parent is null
                        ? $"Because there is no version of {requirement.Display} and you require {requirement.Display}, we can conclude that your requirements are unsatisfiable."
                        : $"Because there is no version of {requirement.Display} and {parent} depends on {requirement.Display}, we can conclude that {parent} cannot be used.",
                    null);
            var dependencies = noDeps
                ? []
                : WheelMetadata.RequiresDist(candidate.Path)
                    .Where(d => !d.IsBehindExtra || all.SelectMany(r => r.Extras).Any(e => d.Marker!.Contains($"\"{e}\"", StringComparison.Ordinal) || d.Marker!.Contains($"'{e}'", StringComparison.Ordinal)))
                    .ToList();
            chosen[requirement.Name] = new ResolvedPackage(candidate, all, dependencies.Select(d => d.Name).Distinct().ToList());
            order.Add(requirement.Name);
            foreach (var dependency in dependencies)
            {
                queue.Enqueue((dependency, $"{candidate.Name}=={candidate.Version}"));
            }
        }
        return order.Select(n => chosen[n]).ToList();
    }

    private static UvFailure NotFound(NamedRequirement requirement, string? parent, Unavailable reason, IndexLocations locations)
    {
        var where = reason switch
        {
            Unavailable.NoIndex => "not found in the provided package locations",
            Unavailable.Offline => "not found in the cache",
            _ => "not found in the package registry",
        };
        var report = parent is null
            ? $"Because {requirement.Name} was {where} and you require {requirement.Display}, we can conclude that your requirements are unsatisfiable."
            : $"Because {requirement.Name} was {where} and {parent} depends on {requirement.Display}, we can conclude that {parent} cannot be used.";
        string? hint = reason switch
        {
            Unavailable.NoIndex when locations.FlatIndexes.Count == 0 =>
                "Packages were unavailable because index lookups were disabled and no additional package locations were provided (try: `--find-links <uri>`)",
            Unavailable.Offline =>
                "Packages were unavailable because the network was disabled. When the network is disabled, registry packages may only be read from the cache.",
            _ => null,
        };
        return NoSolution(report, hint);
    }

    private static UvFailure NoSolution(string report, string? hint) =>
        new("No solution found when resolving dependencies:", hint is null ? report : $"{report}\n\nhint: {hint}");
}
