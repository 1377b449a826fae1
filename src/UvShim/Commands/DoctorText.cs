using System.Text;
using UvShim.Planning;

namespace UvShim.Commands;

/// <summary><c>uvshim shim doctor</c> for a person: sections of labelled lines, problems and warnings last.</summary>
internal static class DoctorText
{
    private const int LabelWidth = 24;

    public static string Render(DoctorReport report, bool colour)
    {
        var style = new Style(colour);
        var text = new StringBuilder();
        void Heading(string title) => text.Append('\n').Append(style.Bold(title)).Append('\n');
        void Row(string label, string value, int indent = 2) =>
            text.Append(new string(' ', indent)).Append((label).PadRight(LabelWidth - indent)).Append(value).Append('\n');

        text.Append(style.Bold($"uvshim {report.ShimVersion}"));
        if (report.ShimPath is not null)
            text.Append($" ({report.ShimPath})");
        text.Append('\n');

        if (report.Settings.Error is null)
        {
            Heading("uv");
            var uv = report.Uv;
            if (uv.Path is not null)
            {
                Row("path", uv.Path);
                Row("version", uv.Version ?? style.Red("unknown"));
                Row("found as", uv.FoundBy ?? "");
            }
            else
            {
                Row("path", style.Red("not found"));
            }
            Row("uv on PATH", uv.OnPath.Count == 0
                ? "(none)"
                : string.Join(", ", uv.OnPath.Select(u => u.IsUvshim ? $"{u.Path} (this uvshim)" : u.Path)));

            Heading("Python interpreters");
            var selected = report.Interpreters.FirstOrDefault(i => i.Role == report.SelectedRole);
            Row("uv pip install here", selected is null ? report.SelectionReason : $"{selected.Label} ({report.SelectionReason})");
            foreach (var interpreter in report.Interpreters)
                Interpreter(interpreter, Row, style);
        }

        Heading("uvshim settings");
        var files = report.Settings.FilesConsidered.Select(f => report.Settings.FilesRead.Contains(f) ? f + " (read)" : f + " (absent)").ToList();
        Row("files", files.Count == 0 ? "(none)" : string.Join(", ", files));
        if (report.Settings.Error is { } settingsError)
        {
            Row("error", style.Red(settingsError));
            Row("", "the other checks need a configuration uvshim can read");
        }
        foreach (var setting in report.Settings.Values)
            Row(setting.Key, $"{(setting.Value.Length == 0 ? "(none)" : setting.Value)} ({(setting.Source == "default" ? "default" : "from " + setting.Source)})");

        if (report.Settings.Error is null)
        {
            Heading("uv configuration");
            var uvConfig = report.UvConfig;
            if (uvConfig.Error is { } configError)
                Row("error", style.Red(configError));
            Row("files", uvConfig.Files.Count == 0 ? "(none)" : string.Join(", ", uvConfig.Files));
            Row("[pip]", uvConfig.Pip.Count == 0
                ? "(nothing that steers the target)"
                : string.Join(", ", uvConfig.Pip.Select(v => $"{v.Key} = {(v.Flag is { } flag ? (flag ? "true" : "false") : $"\"{v.Text}\"")}")));
        }

        if (report.Pip is { } pip)
        {
            Heading("pip configuration");
            Row("files", pip.Files.Count == 0
                ? "(none: PIP_CONFIG_FILE is the null device)"
                : string.Join(", ", pip.Files.Select(f => pip.FilesRead.Contains(f) ? f + " (read)" : f + " (absent)")) + "; and each interpreter's <prefix>/pip.conf");
            Row("user", Switch(pip.User));
            Row("break-system-packages", Switch(pip.BreakSystemPackages));
        }

        Heading("probe cache");
        var cache = report.Cache;
        Row("directory", cache.Directory ?? "(none: neither XDG_CACHE_HOME nor HOME is an absolute path)");
        if (cache.Directory is not null)
        {
            var entries = cache.Entries == 1 ? "1 entry" : $"{cache.Entries} entries";
            Row("state", $"{(cache.Exists ? entries : "not created yet")}, {(cache.Writable ? "writable" : style.Yellow("not writable"))}");
        }

        text.Append('\n');
        foreach (var warning in report.Warnings)
            text.Append(style.Yellow("warning:")).Append(' ').Append(warning).Append('\n');
        foreach (var problem in report.Problems)
            text.Append(style.Red("problem:")).Append(' ').Append(problem).Append('\n');
        text.Append(report.Ok
            ? style.Green("ok:") + " uv and a Python interpreter are there; nothing stops uvshim.\n"
            : style.Red(report.Problems.Count == 1 ? "1 problem" : $"{report.Problems.Count} problems") + " found (exit code 1).\n");
        return text.ToString();
    }

    private static void Interpreter(InterpreterCheck interpreter, Action<string, string, int> row, Style style)
    {
        if (interpreter.Executable is null)
        {
            var missing = interpreter.Error ?? interpreter.Missing ?? "none";
            row(interpreter.Label, interpreter.Error is not null || interpreter.Role == InterpreterCheck.RequestRole ? style.Red(missing) : missing, 2);
            return;
        }

        row(interpreter.Label, $"{interpreter.Executable} ({interpreter.Kind}; {interpreter.Why})", 2);
        if (interpreter.Error is { } error)
        {
            row("error", style.Red(error), 4);
            return;
        }
        if (interpreter.Python is not { } python)
            return;

        row("version", python.Version + (python.FreeThreaded ? " (free-threaded)" : "") + $", prefix {python.Prefix}", 4);
        row("site-packages", $"{string.Join(", ", python.SitePackages)} ({(python.SitePackagesWritable ? "writable" : "not writable")})", 4);
        if (!python.InVenv)
        {
            row("PEP 668", python.ExternallyManagedMarker is null
                ? "not externally managed"
                : $"externally managed ({python.ExternallyManagedMarker}){(python.BreakSystemPackages ? $"; overridden by {python.BreakSystemPackagesSource ?? "break-system-packages"}" : "")}", 4);
        }
        if (python.PipSiteConfig is { } siteConfig)
            row("pip site config", siteConfig, 4);
        row("user base", python.UserBase.Length == 0 ? "(none)" : python.UserBase, 4);
        row("user site", $"{(python.UserSite.Length == 0 ? "(none)" : python.UserSite)} ({(python.UserSiteEnabled ? "enabled" : "disabled" + python.UserSiteDisabledBecause)}, "
            + $"{(python.UserSiteWritable ? "writable" : style.Yellow("not writable"))})", 4);
        if (python.Layout is { } layout)
            row("user layout", $"--{layout.Kind} {layout.Path}" + (layout.Difference is null ? "" : $" ({layout.Difference})"), 4);
        if (python.Scripts is { } scripts)
            row("user scripts", $"{scripts.Directory} ({(scripts.OnPath ? "on PATH" : style.Yellow("not on PATH"))})", 4);
        Plan("pip install", python.Install, row);
        Plan("pip install --user", python.InstallUser, row);
        row("probe", python.Probe switch
        {
            "cached" => "from the probe cache",
            "probed" => "started now, and cached",
            _ => "started now, not cached (the path is a launcher, not the interpreter itself)",
        }, 4);
    }

    private static string Switch(PipConfig.PipSwitch? value) =>
        value is null ? "(not set)" : $"{(value.Value ? "true" : "false")} (from {value.Source})";

    /// <summary>
    /// The planner's decision, then its steps that the rows above do not show already, and what would run: as
    /// <c>shim explain</c> shows the same plan.
    /// </summary>
    private static void Plan(string label, PlanCheck plan, Action<string, string, int> row)
    {
        row(label, plan.Outcome switch
        {
            "hand-over" => "handed to uv unchanged: " + plan.Reason,
            "user-install" => "into the user site: " + plan.Reason,
            _ => "refused (exit 2): " + plan.Reason,
        }, 4);
        foreach (var step in plan.Steps.Concat(plan.Results).Where(s => !ShownAbove.Contains(s.Label)))
            row(step.Label, step.Text, 6);
    }

    /// <summary>
    /// The plan's rows for facts the interpreter's own rows show, its decision (shown first), and the constraints
    /// (every package of the system site; the <c>system site</c> step sums them up, the JSON lists them).
    /// </summary>
    private static readonly HashSet<string> ShownAbove =
        ["uv config", "interpreter", "python", "pip config", "site-packages", "user site", "PEP 668", "decision", "reason", "constraints"];

    private readonly struct Style(bool enabled)
    {
        public string Bold(string text) => Paint("1", text);
        public string Red(string text) => Paint("31", text);
        public string Green(string text) => Paint("32", text);
        public string Yellow(string text) => Paint("33", text);

        private string Paint(string code, string text) => enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
    }
}
