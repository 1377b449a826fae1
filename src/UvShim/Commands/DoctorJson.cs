using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using UvShim.Planning;

namespace UvShim.Commands;

/// <summary>
/// <c>uvshim shim doctor --json</c>: the <see cref="DoctorReport"/> as one JSON object, written with
/// <see cref="Utf8JsonWriter"/> (no reflection, so NativeAOT needs nothing generated). Keys are camelCase;
/// absent values are <c>null</c>, never missing; <c>schema</c> is raised when a key changes meaning or goes.
/// </summary>
internal static class DoctorJson
{
    public const int Schema = 1;

    public static string Render(DoctorReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", Schema);
            json.WriteBoolean("ok", report.Ok);
            Strings(json, "problems", report.Problems);
            Strings(json, "warnings", report.Warnings);

            json.WriteStartObject("uvshim");
            json.WriteString("version", report.ShimVersion);
            json.WriteString("path", report.ShimPath);
            json.WriteEndObject();

            json.WriteStartObject("uv");
            json.WriteString("path", report.Uv.Path);
            json.WriteString("foundBy", report.Uv.FoundBy);
            json.WriteString("version", report.Uv.Version);
            json.WriteString("error", report.Uv.Error);
            json.WriteStartArray("onPath");
            foreach (var uv in report.Uv.OnPath)
            {
                json.WriteStartObject();
                json.WriteString("path", uv.Path);
                json.WriteBoolean("isUvshim", uv.IsUvshim);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("selected");
            json.WriteString("role", report.SelectedRole);
            json.WriteString("reason", report.SelectionReason);
            json.WriteEndObject();

            json.WriteStartArray("interpreters");
            foreach (var interpreter in report.Interpreters)
                Interpreter(json, interpreter, interpreter.Role == report.SelectedRole);
            json.WriteEndArray();

            json.WriteStartObject("settings");
            Strings(json, "filesConsidered", report.Settings.FilesConsidered);
            Strings(json, "filesRead", report.Settings.FilesRead);
            json.WriteString("error", report.Settings.Error);
            json.WriteStartArray("values");
            foreach (var setting in report.Settings.Values)
            {
                json.WriteStartObject();
                json.WriteString("key", setting.Key);
                json.WriteString("environmentVariable", setting.EnvironmentVariable);
                json.WriteString("value", setting.Value);
                json.WriteString("source", setting.Source);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("uvConfig");
            Strings(json, "files", report.UvConfig.Files);
            json.WriteString("error", report.UvConfig.Error);
            json.WriteStartObject("pip");
            foreach (var value in report.UvConfig.Pip)
            {
                if (value.Flag is { } flag)
                    json.WriteBoolean(value.Key, flag);
                else
                    json.WriteString(value.Key, value.Text);
            }
            json.WriteEndObject();
            json.WriteEndObject();

            if (report.Pip is { } pip)
            {
                json.WriteStartObject("pipConfig");
                Strings(json, "files", pip.Files);
                Strings(json, "filesRead", pip.FilesRead);
                Switch(json, "user", pip.User);
                Switch(json, "breakSystemPackages", pip.BreakSystemPackages);
                Strings(json, "problems", pip.Problems);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("pipConfig");
            }

            json.WriteStartObject("cache");
            json.WriteString("directory", report.Cache.Directory);
            json.WriteBoolean("exists", report.Cache.Exists);
            json.WriteNumber("entries", report.Cache.Entries);
            json.WriteBoolean("writable", report.Cache.Writable);
            json.WriteEndObject();

            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Interpreter(Utf8JsonWriter json, InterpreterCheck interpreter, bool selected)
    {
        json.WriteStartObject();
        json.WriteString("role", interpreter.Role);
        json.WriteString("label", interpreter.Label);
        json.WriteBoolean("selected", selected);
        json.WriteString("executable", interpreter.Executable);
        json.WriteString("kind", interpreter.Kind);
        json.WriteString("why", interpreter.Why);
        json.WriteString("missing", interpreter.Missing);
        json.WriteString("error", interpreter.Error);
        if (interpreter.Python is not { } python)
        {
            json.WriteNull("python");
            json.WriteEndObject();
            return;
        }

        json.WriteStartObject("python");
        json.WriteString("version", python.Version);
        json.WriteString("executable", python.Executable);
        json.WriteString("prefix", python.Prefix);
        json.WriteBoolean("venv", python.InVenv);
        json.WriteBoolean("freeThreaded", python.FreeThreaded);
        json.WriteString("userBase", python.UserBase);
        json.WriteString("userSite", python.UserSite);
        json.WriteBoolean("userSiteEnabled", python.UserSiteEnabled);
        json.WriteBoolean("userSiteWritable", python.UserSiteWritable);
        Strings(json, "sitePackages", python.SitePackages);
        json.WriteBoolean("sitePackagesWritable", python.SitePackagesWritable);
        json.WriteString("externallyManaged", python.ExternallyManagedMarker);
        json.WriteBoolean("breakSystemPackages", python.BreakSystemPackages);
        json.WriteString("breakSystemPackagesSource", python.BreakSystemPackagesSource);
        json.WriteString("pipSiteConfig", python.PipSiteConfig);
        if (python.Layout is { } layout)
        {
            json.WriteStartObject("layout");
            json.WriteString("kind", layout.Kind);
            json.WriteString("path", layout.Path);
            json.WriteString("difference", layout.Difference);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("layout");
        }
        if (python.Scripts is { } scripts)
        {
            json.WriteStartObject("userScripts");
            json.WriteString("directory", scripts.Directory);
            json.WriteBoolean("onPath", scripts.OnPath);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("userScripts");
        }
        Plan(json, "install", python.Install);
        Plan(json, "installUser", python.InstallUser);
        json.WriteString("probe", python.Probe);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Switch(Utf8JsonWriter json, string name, PipConfig.PipSwitch? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteBoolean("value", value.Value);
        json.WriteString("source", value.Source);
        json.WriteEndObject();
    }

    private static void Plan(Utf8JsonWriter json, string name, PlanCheck plan)
    {
        json.WriteStartObject(name);
        json.WriteString("outcome", plan.Outcome);
        json.WriteString("reason", plan.Reason);
        Strings(json, "line", plan.Line);
        Steps(json, "steps", plan.Steps);
        Steps(json, "results", plan.Results);
        json.WriteEndObject();
    }

    private static void Steps(Utf8JsonWriter json, string name, IEnumerable<PlanStep> steps)
    {
        json.WriteStartArray(name);
        foreach (var step in steps)
        {
            json.WriteStartObject();
            json.WriteString("label", step.Label);
            json.WriteString("text", step.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
