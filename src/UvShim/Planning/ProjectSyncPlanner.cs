using UvShim.Arguments;
using UvShim.Decision;
using UvShim.Platform;
using UvShim.Python;

namespace UvShim.Planning;

/// <summary>
/// <c>uv sync</c> with <c>UV_PROJECT_ENVIRONMENT</c> at the user base (uv: "not a valid Python
/// environment") or at a system prefix the user cannot write (uv: Permission denied): the locked
/// project goes into the user scheme instead, as <c>uv export</c> into a private temporary file,
/// then <c>uv pip install --prefix … -r</c> it. Nothing is removed from the user site.
/// </summary>
internal sealed class ProjectSyncPlanner(TargetFinder finder)
{
    /// <param name="isRun"><c>uv run</c>, which would sync first: uvshim says what to run instead.</param>
    public async Task<Plan> PlanAsync(UvArguments arguments, InvocationContext context, bool isRun)
    {
        var log = new PlanLog(arguments);
        var steps = log.Steps;
        Plan Unchanged(string why) => log.Unchanged(why);
        Plan Refuse(string message) => log.Refuse(message);

        if (context.Settings.Mode == ShimMode.Off)
            return Unchanged("mode is off");

        var projectDirectory = ProjectDirectory(arguments, context);
        if (!Directory.Exists(projectDirectory))
            return Unchanged($"the project directory {projectDirectory} does not exist (uv will say so)");
        var environment = Path.GetFullPath(context.Environment["UV_PROJECT_ENVIRONMENT"], projectDirectory);
        steps.Add(new("environment", "UV_PROJECT_ENVIRONMENT=" + environment));
        if (File.Exists(Path.Combine(environment, "pyvenv.cfg")))
            return Unchanged("UV_PROJECT_ENVIRONMENT is a virtual environment");

        // A prefix with its own interpreter (/usr/local in python images) is probed directly; otherwise
        // the interpreter uv would pick must have that directory as its user base.
        var prefixPython = VenvLayout.Executable(environment);
        Target target;
        if (prefixPython is not null)
        {
            var (found, ending) = log.Target(await finder.FindAsync(
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
            var (found, ending) = log.Target(await finder.FindAsync(arguments, context, Discovery.Any, explicitUser: true, steps));
            if (found is null)
                return ending!;
            target = found;
            if (!PathText.Same(RealPath.Of(target.Probe.UserBase), RealPath.Of(environment), target.Probe.IsWindows))
                return Unchanged($"{environment} is neither a Python environment nor this Python's user base ({target.Probe.UserBase})");
        }

        var probe = target.Probe;
        if (!probe.UserSiteEnabled)
            return Unchanged("user site-packages disabled");
        if (isRun)
        {
            var rest = Output.ShellQuote.Join(arguments.OpaqueTokens);
            return prefixPython is null
                ? Refuse($"UV_PROJECT_ENVIRONMENT={environment} is the user base, which uv cannot use as a project environment, "
                    + $"so `uv run` cannot sync there. Run `uv sync` (uvshim installs the locked project into the user site), "
                    + $"then `uv run --no-sync --no-project {rest}`.")
                : Refuse($"UV_PROJECT_ENVIRONMENT={environment} is a system prefix you cannot write, so `uv run` cannot sync there. "
                    + $"Run `uv sync` (uvshim installs the locked project into the user site), then `uv run --no-sync {rest}`.");
        }
        if (ExternallyManagedMarker.Read(probe, context.Environment) is { } marker && !InstallPlanner.BreakSystemPackages(arguments, context))
            return Refuse(PipMessages.ExternallyManaged(marker.ErrorText));

        var translation = SyncTranslation.From(arguments);
        if (translation.Untranslatable is { } problem)
            return Refuse($"cannot sync into the user site with {problem}. uvshim installs the locked project there with "
                + "uv export and uv pip install, which have no such option.");

        var layout = UserLayout.Choose(probe);
        var exe = InstallPlanner.Executable(target);
        var scratch = Path.Combine(Path.GetTempPath(), "uvshim-sync-…", "requirements.txt");
        List<string> Export(string file) => [.. translation.Global, "export", "--format", "requirements.txt", "--output-file", file, .. translation.Export];
        List<string> Install(string file) =>
            [.. translation.Global, "pip", "install", .. ArgumentRewriter.LayoutOptions(layout), "--python", exe, .. translation.Install, "-r", file];

        steps.Add(new("decision", $"install the locked project into the user site ({ShowLayout(layout)})"));
        var notes = new List<string>
        {
            $"{environment} is {(prefixPython is null ? "the user base" : "a system prefix you cannot write")}: installing the locked project "
            + $"into the user site instead ({ShowLayout(layout)}). Packages the lock does not name are left in place.",
        };
        return new Plan.Compose([Export(scratch), Install(scratch)], invoker =>
        {
            // A directory of our own (0700) holds the file: nobody else can read or swap it.
            DirectoryInfo directory;
            try
            {
                directory = Directory.CreateTempSubdirectory("uvshim-sync-");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Output.StdErr.Line($"cannot create a private temporary directory in {Path.GetTempPath()} for the exported lock "
                    + $"({e.Message}); set TMPDIR to a directory you can write");
                return 2;
            }
            try
            {
                var file = Path.Combine(directory.FullName, "requirements.txt");
                var exported = invoker.Run(Export(file));
                return exported != 0 ? exported : invoker.Run(Install(file), projectDirectory);
            }
            finally
            {
                try
                {
                    directory.Delete(recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }, notes, steps);
    }

    private static string ProjectDirectory(UvArguments arguments, InvocationContext context)
    {
        var workingDirectory = TargetFinder.WorkingDirectory(arguments, context);
        var project = arguments.Last("--project")?.Value
            ?? (context.Environment.TryGetValue("UV_PROJECT", out var p) && p.Length > 0 ? p : null);
        var start = project is null ? workingDirectory : Path.GetFullPath(project, workingDirectory);
        // uv finds the project upwards; the exported file's relative paths are relative to its root.
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pyproject.toml")))
                return dir.FullName;
        }
        return start;
    }

    private static string ShowLayout(UserLayout layout) => string.Join(' ', ArgumentRewriter.LayoutOptions(layout));
}
