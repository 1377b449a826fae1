using System.Diagnostics;
using UvShim.FakeUv.Index;

namespace UvShim.FakeUv.Project;

/// <summary>
/// <c>uv add &lt;requirements…&gt;</c> for registry requirements (crates/uv/src/commands/project/add.rs). First the
/// interpreter: with <c>--frozen</c> or <c>--no-sync</c> uv's <c>ProjectInterpreter::discover</c> with the
/// <c>Optional</c> policy (an invalid project environment is passed over for a system interpreter, no error), else
/// <c>ProjectEnvironment::get_or_init</c> (an invalid one is an error before anything is written). Then
/// <c>[project].dependencies</c> is edited (<see cref="PyprojectDependencies"/>); with <c>--frozen</c> that is all.
/// Then the fake "locks" what it can see offline: each requirement is resolved through the project's indexes and
/// <c>--find-links</c> (<see cref="IndexSettings"/>, <see cref="OfflineResolver"/>), and the packages it chose join
/// <c>uv.lock</c> as registry packages (<see cref="LockedRegistryPackage"/>), with edges and <c>requires-dist</c> entries
/// on the project's package; "Resolved N packages"; a requirement added without a specifier gets the lower bound
/// <c>&gt;=version</c> (uv's default bounds). Then, unless <c>--no-sync</c>/<c>UV_NO_SYNC</c>, the environment is synced
/// (inexact, uv's <c>Modifications::Sufficient</c>). Knowingly different: no real resolution (packages already in the
/// lock are kept as they are, nothing else is re-resolved); only <c>project.dependencies</c> (no <c>--dev</c>,
/// <c>--group</c>, <c>--optional</c>), named requirements only; an existing <c>uv.lock</c> is needed.
/// </summary>
internal static class AddCommand
{
    public static int Run(UvCommandLine line)
    {
        var clock = Stopwatch.StartNew();
        var texts = line.Words.Skip(1).ToList();
        if (texts.Count == 0 && !line.Has("r", "requirements", "requirement"))
        {
            throw new UvError("the following required arguments were not provided:\n  <PACKAGES|--requirements <REQUIREMENTS>>");
        }
        if (line.Has("dev", "group", "optional", "r", "requirements", "requirement", "editable", "script"))
        {
            throw new UvError("the fake uv adds named requirements to `project.dependencies` only");
        }
        var requirements = texts
            .Select(t => NamedRequirement.TryParse(t) is { } r && !t.Contains(" @ ", StringComparison.Ordinal) ? r : throw new UvError($"the fake uv adds only named requirements, not `{t}`"))
            .ToList();

        var project = ProjectWorkspace.Discover(line);
        if (project.Current is null)
        {
            throw new UvError("Project is missing a `[project]` table; add a `[project]` table to use production dependencies, or run `uv add --dev` instead");
        }
        var output = new UvOutput(line.Quiet);
        var frozen = line.Has("frozen") || Boolish.Env("UV_FROZEN");
        var noSync = line.Has("no-sync") || Boolish.Env("UV_NO_SYNC");
        var executable = frozen || noSync
            ? ProjectEnvironment.Discover(project, line, output)
            : ProjectEnvironment.GetOrInit(project, line, output);

        var pyprojectPath = project.Current.PyprojectPath;
        var pyproject = PyprojectDependencies.Read(pyprojectPath);
        var added = new List<(NamedRequirement Requirement, int Index)>();
        foreach (var requirement in requirements)
        {
            var text = PyprojectDependencies.Format(requirement.Name, requirement.Extras, requirement.Specifiers, requirement.Marker);
            if (pyproject.Add(requirement, text) is { } index && requirement.Specifiers.IsEmpty)
            {
                added.Add((requirement, index));
            }
        }
        File.WriteAllText(pyprojectPath, pyproject.Text);
        if (frozen)
        {
            return 0;
        }

        var lockFile = project.ReadLock(line);
        var locations = IndexSettings.Resolve(line, ConfigFiles.Discover(line, project.Root), pip: false);
        var known = lockFile.Packages.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var missing = requirements.Where(r => !known.Contains(r.Name)).ToList();
        var resolved = OfflineResolver.Resolve(missing, locations, known, noDeps: false);
        var editor = LockEditor.Read(project.LockPath);
        foreach (var package in resolved)
        {
            editor.AddPackage(package.Name, LockedRegistryPackage.Lines(package, project.Root));
        }
        var versions = resolved.ToDictionary(p => p.Name, p => p.Version, StringComparer.Ordinal);
        foreach (var package in lockFile.Packages.Where(p => p.Version is not null))
        {
            versions.TryAdd(package.Name, package.Version!);
        }
        foreach (var (requirement, index) in added)
        {
            if (versions.TryGetValue(requirement.Name, out var version))
            {
                var bounded = requirement with { Specifiers = VersionSpecifiers.Parse(">=" + version.Split('+')[0]) };
                pyproject.Set(index, PyprojectDependencies.Format(bounded.Name, bounded.Extras, bounded.Specifiers, bounded.Marker));
            }
        }
        foreach (var entry in pyproject.Entries.Select(e => NamedRequirement.TryParse(e)).OfType<NamedRequirement>().Where(r => requirements.Any(q => q.Name == r.Name)))
        {
            editor.SetDependency(project.Name, entry.Name, LockedRegistryPackage.Dependency(entry));
            editor.SetRequiresDist(project.Name, entry.Name, LockedRegistryPackage.RequiresDist(entry));
        }
        editor.Write(project.LockPath);
        output.Stderr.WriteLine($"Resolved {UvOutput.Packages(editor.PackageCount)} in {UvOutput.Elapsed(clock.Elapsed)}");
        File.WriteAllText(pyprojectPath, pyproject.Text);

        if (noSync)
        {
            return 0;
        }
        return ProjectSync.Install(project, UvLock.Read(project.LockPath), SyncLine(line), executable, output, exact: false);
    }

    /// <summary>The options of an add or remove that steer its sync: the package and the install filters.</summary>
    public static UvCommandLine SyncLine(UvCommandLine line)
    {
        var arguments = new List<string> { "sync" };
        foreach (var (name, value) in line.Options)
        {
            if (name is "package" or "no-install-project" or "no-install-workspace" or "no-install-package" or "only-install-package"
                or "reinstall" or "reinstall-package" or "no-dev")
            {
                arguments.Add("--" + name);
                if (value is not null)
                {
                    arguments.Add(value);
                }
            }
        }
        return UvCommandLine.Parse(arguments);
    }
}
