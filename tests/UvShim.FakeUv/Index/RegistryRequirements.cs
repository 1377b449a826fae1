namespace UvShim.FakeUv.Index;

/// <summary>
/// Turns what <c>uv pip install</c>/<c>uv pip sync</c> were asked for into wheels: requirements with a location (paths,
/// <c>file://</c> URLs, <c>name @ url</c>) are those wheels; named ones are resolved offline through the command's
/// indexes (<see cref="IndexSettings"/>, then the requirements files' own index options) with
/// <see cref="OfflineResolver"/>, their <c>--hash</c> values carried over to be checked at install time.
/// </summary>
internal static class RegistryRequirements
{
    public static IReadOnlyList<LocalWheel> Wheels(IReadOnlyList<Requirement> requirements, UvCommandLine line, IEnumerable<string> requirementFiles, bool noDeps)
    {
        var local = requirements.Where(r => r.Url is not null || r.Name is null || r.Editable).Select(LocalWheel.FromRequirement).ToList();
        var constraints = Constraints.Read(line);
        foreach (var wheel in local.Where(w => !constraints.Allows(w.Name, w.Wheel.Version)))
        {
            throw new UvFailure("No solution found when resolving dependencies:",
                $"Because you require {wheel.Name}=={wheel.Wheel.Version} and {constraints.Display(wheel.Name)}, we can conclude that your requirements are unsatisfiable.");
        }
        var named = requirements
            .Where(r => r.Url is null && r.Name is not null && !r.Editable)
            .Select(r => NamedRequirement.TryParse(r.Text, r.Hashes) ?? throw new UvError($"Failed to parse: `{r.Text}`"))
            .ToList();
        if (named.Count == 0)
        {
            return local;
        }
        var start = line.Value("project") is { } project ? Path.GetFullPath(project) : Directory.GetCurrentDirectory();
        var locations = RequirementsFileOptions.Read(requirementFiles)
            .AddTo(IndexSettings.Resolve(line, ConfigFiles.Discover(line, start), pip: true));
        var resolved = OfflineResolver.Resolve(named, locations, local.Select(w => w.Name).ToHashSet(StringComparer.Ordinal), noDeps, constraints);
        return
        [
            .. local,
            .. resolved.Select(p => new LocalWheel(
                WheelFileName.Parse(p.Wheel.Path),
                UvPaths.FileUrl(p.Wheel.Path),
                p.Requirements.SelectMany(r => r.Hashes).Distinct().ToList(),
                $"{p.Name}=={p.Version}",
                FromRegistry: true)),
        ];
    }
}
