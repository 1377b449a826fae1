using System.Text;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace UvShim.UvConfig;

/// <summary>Reading and parsing one TOML file, the way uv's <c>fs_err::read_to_string</c> + <c>toml::from_str</c> see it.</summary>
internal static class UvTomlFile
{
    // read_to_string rejects invalid UTF-8 (an I/O error, fatal in uv), so decode strictly too.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null with <paramref name="error"/> set when uv's read would fail.</summary>
    public static string? Read(string path, out string? error) => Read(path, out error, out _);

    /// <summary>As <see cref="Read(string, out string?)"/>; <paramref name="accessDenied"/> tells a permission error (which uv forgives for the user file) from the rest.</summary>
    public static string? Read(string path, out string? error, out bool accessDenied)
    {
        accessDenied = false;
        try
        {
            error = null;
            return StrictUtf8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            // .NET reports a directory as access denied too; uv sees "is a directory", which it never forgives.
            accessDenied = e is UnauthorizedAccessException && !Directory.Exists(path);
            error = e is DecoderFallbackException ? "stream did not contain valid UTF-8" : e.Message;
            return null;
        }
    }

    /// <summary>The document model, or null with <paramref name="error"/> set when it is not valid TOML.</summary>
    public static TomlTable? Parse(string text, string path, out string? error)
    {
        // The model alone lets a later duplicate key or table win; the validating syntax pass rejects them, as uv's parser does.
        var syntax = SyntaxParser.Parse(text, path, validate: true);
        if (syntax.HasErrors)
        {
            error = syntax.Diagnostics.FirstOrDefault()?.ToString() ?? "invalid TOML";
            return null;
        }
        try
        {
            error = null;
            return TomlSerializer.Deserialize(text, UvTomlContext.Default.TomlTable) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            error = e.InnerException?.Message ?? e.Message;
            return null;
        }
    }
}
