using UvShim.Arguments;
using UvShim.Decision;
using UvShim.Platform;
using UvShim.Python;
using UvShim.UvConfig;

namespace UvShim.Planning;

/// <summary>
/// <c>uv sync</c>, and <c>uv run</c>/<c>add</c>/<c>remove</c> where they would sync, with <c>UV_PROJECT_ENVIRONMENT</c> at the
/// user base (uv: "not a valid Python environment") or at a system prefix the user cannot write (uv: Permission
/// denied). The locked project goes into the user scheme instead: <c>uv export</c> into a private file, then
/// <c>uv pip install --prefix … -r</c> it from the workspace root; nothing is removed from the user site. Then
/// <c>run</c> hands over with <c>--no-sync</c> (a system prefix) or <c>--no-project --python</c> (the user base, which
/// uv cannot open as a project environment even without syncing: run.rs calls <c>ProjectEnvironment::get_or_init</c>
/// either way), and <c>add</c>/<c>remove</c> run first with <c>--no-sync</c>. See docs/design.md, "Project commands".
/// </summary>
internal sealed class ProjectEnvironmentPlanner(TargetFinder finder)
{
    public Plan Plan(UvArguments arguments, InvocationKind kind, InvocationContext context)
    {
        var log = new PlanLog(arguments);
        var steps = log.Steps;
        Plan Unchanged(string why) => log.Unchanged(why);
        Plan Refuse(string message) => log.Refuse(message);

        if (context.Settings.Mode == ShimMode.Off)
            return Unchanged("mode is off");

        var workingDirectory = TargetFinder.WorkingDirectory(arguments, context);
        if (kind == InvocationKind.ProjectRun && RunTarget.IsScript(arguments, workingDirectory))
            return Unchanged("a script with inline metadata (PEP 723) runs in an environment of its own");
        var projectDirectory = ProjectDirectory(arguments, context, workingDirectory);
        if (projectDirectory is null)
            return Unchanged("no project here: uv does not sync a project environment");
        var workspaceRoot = WorkspaceRoot.Of(projectDirectory);
        // uv 0.12.5 crates/uv-workspace/src/workspace.rs environment_selection: relative to the workspace root.
        var environment = Path.GetFullPath(context.Environment["UV_PROJECT_ENVIRONMENT"], workspaceRoot);
        steps.Add(new("environment", "UV_PROJECT_ENVIRONMENT=" + environment));
        if (File.Exists(Path.Combine(environment, "pyvenv.cfg")))
            return Unchanged("UV_PROJECT_ENVIRONMENT is a virtual environment");

        // A prefix with its own interpreter (/usr/local in python images) is probed directly; otherwise
        // the interpreter uv would pick must have that directory as its user base.
        var prefixPython = VenvLayout.Executable(environment);
        Target target;
        if (prefixPython is not null)
        {
            var (found, ending) = log.Target(finder.Find(
                UvArguments.Parse(["pip", "install", "--python", prefixPython]), context, Discovery.ExplicitSystem, false, steps));
            if (found is null)
                return ending!;
            target = found;
            var dirs = new[] { target.Probe.Default.Purelib, target.Probe.Default.Platlib }.Distinct().ToList();
            if (dirs.All(Writability.IsWritable))
                return Unchanged($"{string.Join(", ", dirs)} is writable: uv can sync there itself");
            steps.Add(new("site-packages", $"{string.Join(", ", dirs)} (not writable)"));
        }
        else
        {
            var (found, ending) = log.Target(finder.Find(arguments, context, Discovery.Any, explicitUser: true, steps));
            if (found is null)
                return ending!;
            target = found;
            if (!PathText.Same(RealPath.Of(target.Probe.UserBase), RealPath.Of(environment), target.Probe.IsWindows))
                return Unchanged($"{environment} is neither a Python environment nor this Python's user base ({target.Probe.UserBase})");
        }

        var probe = target.Probe;
        if (!probe.UserSiteEnabled)
            return Unchanged("user site-packages disabled");
        if (ExternallyManagedMarker.Read(probe, context.Environment, context.Settings.ProbeTimeout) is { } marker && !InstallPlanner.BreakSystemPackages(arguments, context))
            return Refuse(PipMessages.ExternallyManaged(marker));

        var translation = kind switch
        {
            InvocationKind.ProjectSync => SyncTranslation.ForSync(arguments),
            InvocationKind.ProjectRun => SyncTranslation.ForRun(arguments),
            _ => SyncTranslation.ForEdit(arguments),
        };
        if (translation.Untranslatable is { } problem)
            return Refuse($"cannot sync into the user site with {problem}. uvshim installs the locked project there with "
                + "uv export and uv pip install, which have no such option.");

        var layout = UserLayout.Choose(probe);
        var exe = InstallPlanner.Executable(target);
        var globals = arguments.Options.Where(o => GlobalOptions.IsGlobal(o.Name)).ToList();
        var exportArguments = new List<string>(Tokens(globals))
        {
            "export", "--format", "requirements.txt", "--output-file", ChildRun.RequirementsFile,
            // uv pip install reads no [tool.uv] index settings: the file must carry them (export.rs "include_index_url").
            "--emit-index-url", "--emit-find-links",
        };
        // The lock the edit just wrote, as it is; but clap counts UV_NO_SOURCES, set to anything, as --no-sources,
        // which conflicts with --frozen (uv 0.12.5 crates/uv-cli/src/lib.rs ExportArgs.frozen).
        if (kind is InvocationKind.ProjectAdd or InvocationKind.ProjectRemove && !context.Environment.ContainsKey("UV_NO_SOURCES"))
            exportArguments.Add("--frozen");
        exportArguments.AddRange(translation.Export);
        // Run in the workspace root, where the exported relative paths (`-e ./packages/m1`) resolve; an explicit
        // --directory also wins over UV_WORKING_DIR, so the directory is applied once.
        List<string> install =
        [
            .. Tokens(globals.Where(o => o.Name is not ("--directory" or "--project"))), "--directory", workspaceRoot,
            "pip", "install", .. ArgumentRewriter.LayoutOptions(layout), "--python", exe, .. translation.Install,
            "-r", ChildRun.RequirementsFile,
        ];
        var runs = new List<ChildRun> { new(exportArguments, QuietStdout: true), new(install) };

        var where = prefixPython is null ? "the user base" : "a system prefix you cannot write";
        var into = $"into the user site instead ({string.Join(' ', ArgumentRewriter.LayoutOptions(layout))})";
        IReadOnlyList<ArgumentSlot>? then = null;
        string note;
        switch (kind)
        {
            case InvocationKind.ProjectRun:
                then = prefixPython is null ? RunWithoutProject(arguments, translation, exe) : arguments.Edit().InsertAfterCommand("--no-sync").Build();
                note = $"{environment} is {where}: installing the locked project {into}, then running without syncing.";
                break;
            case InvocationKind.ProjectAdd or InvocationKind.ProjectRemove:
                runs.Insert(0, new ChildRun(Texts(arguments, EditWithoutSync(arguments))));
                note = $"{environment} is {where}: updating the project without syncing, then installing the locked project {into}.";
                break;
            default:
                note = $"{environment} is {where}: installing the locked project {into}. Packages the lock does not name are left in place.";
                break;
        }
        steps.Add(new("decision", $"install the locked project into the user site ({string.Join(' ', ArgumentRewriter.LayoutOptions(layout))})"));
        return new Plan.Chain(runs, then, [note], steps);
    }

    // The final `uv run` at the user base: no project (so no project environment), the interpreter the project went
    // into, and none of the selection options, which applied to the install and would only draw uv's "has no effect
    // when used alongside `--no-project`" warnings (run.rs) — or, for --package, a conflict with --no-project.
    private static IReadOnlyList<ArgumentSlot> RunWithoutProject(UvArguments arguments, SyncTranslation translation, string exe)
    {
        var edit = arguments.Edit();
        foreach (var option in translation.Selection.Concat(arguments.All("--python")).Distinct())
            edit.Remove(option);
        if (!arguments.Has("--no-project"))
            edit.InsertAfterCommand("--no-project");
        return edit.InsertAfterCommand("--python", exe).Build();
    }

    // uv 0.12.5 crates/uv-cli/src/lib.rs AddArgs: the --no-install-*/--only-install-* options conflict with --no-sync;
    // they went to the export (SyncTranslation.ForEdit).
    private static IReadOnlyList<ArgumentSlot> EditWithoutSync(UvArguments arguments)
    {
        var edit = arguments.Edit();
        foreach (var option in arguments.Options.Where(o => o.Name.StartsWith("--no-install-", StringComparison.Ordinal)
            || o.Name.StartsWith("--only-install-", StringComparison.Ordinal)))
            edit.Remove(option);
        return edit.InsertAfterCommand("--no-sync").Build();
    }

    private static IEnumerable<string> Tokens(IEnumerable<UvOption> options) =>
        options.SelectMany(o => o.Value is null ? new[] { o.Name } : [o.Name, o.Value]);

    private static List<string> Texts(UvArguments arguments, IReadOnlyList<ArgumentSlot> slots) =>
        slots.Select(s => s.OriginalIndex >= 0 ? arguments.Original[s.OriginalIndex] : s.Text).ToList();

    /// <summary>The project uv would find: from <c>--project</c>/<c>UV_PROJECT</c> or the working directory upwards.</summary>
    private static string? ProjectDirectory(UvArguments arguments, InvocationContext context, string workingDirectory)
    {
        var project = arguments.Last("--project")?.Value
            ?? (context.Environment.TryGetValue("UV_PROJECT", out var p) && p.Length > 0 ? p : null);
        var start = project is null ? workingDirectory : Path.GetFullPath(project, workingDirectory);
        for (var dir = new DirectoryInfo(start); dir.Exists && dir is not null; dir = dir.Parent!)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pyproject.toml")))
                return dir.FullName;
            if (dir.Parent is null)
                break;
        }
        return null;
    }
}
