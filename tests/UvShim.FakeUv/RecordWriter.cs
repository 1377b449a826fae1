using System.Globalization;
using System.Text;
using System.Text.Json;

namespace UvShim.FakeUv;

/// <summary>
/// Writes an <see cref="InvocationRecord"/> as one JSON file per run into <c>FAKE_UV_RECORD_DIR</c>.
/// The name (<c>&lt;utc ticks&gt;-&lt;pid&gt;.json</c>) sorts in run order; the file appears atomically (write, then rename).
/// <c>sigIgn</c>/<c>sigpipeIgnored</c> are the fake's own view (always ignored under .NET); <c>…AtExec</c> come from the
/// signal probe (<see cref="SignalsAtExec"/>) and are null without it.
/// Byte strings are stored twice: <c>base64</c> (exact) and <c>text</c> (UTF-8, invalid bytes replaced).
/// </summary>
internal static class RecordWriter
{
    public const int FormatVersion = 1;

    public static string Write(string directory, InvocationRecord record)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow.Ticks:D19}-{record.ProcessId}.json");
        var final = Path.Combine(directory, name);
        var temporary = Path.Combine(directory, "." + name + ".tmp");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteRecord(json, record);
        }
        File.Move(temporary, final);
        return final;
    }

    private static void WriteRecord(Utf8JsonWriter json, InvocationRecord r)
    {
        json.WriteStartObject();
        json.WriteNumber("formatVersion", FormatVersion);
        json.WriteNumber("pid", r.ProcessId);
        json.WriteNumber("uid", r.Uid);
        json.WriteNumber("euid", r.Euid);
        json.WriteNumber("gid", r.Gid);
        json.WriteNumber("egid", r.Egid);
        json.WriteString("cwd", r.WorkingDirectory);
        json.WriteString("executable", r.Executable);
        json.WriteString("argvSource", r.ArgumentsSource);
        WriteByteStrings(json, "argv", r.Arguments);
        WriteByteStrings(json, "environment", r.Environment);
        json.WriteStartObject("isatty");
        json.WriteBoolean("stdin", r.StdinIsTerminal);
        json.WriteBoolean("stdout", r.StdoutIsTerminal);
        json.WriteBoolean("stderr", r.StderrIsTerminal);
        json.WriteEndObject();
        WriteSignalMask(json, "sigIgn", "sigpipeIgnored", r.IgnoredSignalMask);
        WriteSignalMask(json, "sigIgnAtExec", "sigpipeIgnoredAtExec", r.IgnoredSignalMaskAtExec);
        json.WriteEndObject();
    }

    private static void WriteSignalMask(Utf8JsonWriter json, string maskName, string sigpipeName, ulong? mask)
    {
        if (mask is { } value)
        {
            json.WriteString(maskName, value.ToString("x16", CultureInfo.InvariantCulture));
            json.WriteBoolean(sigpipeName, ProcSelf.IsIgnored(value, Native.SIGPIPE));
        }
        else
        {
            json.WriteNull(maskName);
            json.WriteNull(sigpipeName);
        }
    }

    private static void WriteByteStrings(Utf8JsonWriter json, string name, IReadOnlyList<byte[]> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteBase64String("base64", item);
            json.WriteString("text", Encoding.UTF8.GetString(item));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
