using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// A PEP 503 simple index in a directory, laid out as uv reads a local (<c>file://</c>) index: one directory per
/// normalized project name holding the wheels and an <c>index.html</c> whose anchors name them with a
/// <c>#sha256=…</c> fragment. Owned by the test user.
/// </summary>
[SupportedOSPlatform("linux")]
public static class LocalIndex
{
    public static string Create(TestUser user, string name, params BuiltWheel[] wheels)
    {
        var root = user.CreateDirectory(name);
        foreach (var group in wheels.GroupBy(w => Normalize(w.Name)))
        {
            var project = Path.Combine(root, group.Key);
            Directory.CreateDirectory(project);
            var anchors = new List<string>();
            foreach (var wheel in group)
            {
                TreeCopy.CopyFile(wheel.Path, Path.Combine(project, wheel.FileName));
                anchors.Add($"    <a href=\"{wheel.FileName}#sha256={Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(wheel.Path)))}\">{wheel.FileName}</a><br/>");
            }
            File.WriteAllText(Path.Combine(project, "index.html"), $"<!DOCTYPE html>\n<html>\n  <body>\n{string.Join('\n', anchors)}\n  </body>\n</html>\n");
        }
        user.GiveOwnership(root);
        return root;
    }

    /// <summary>A directory of wheels for <c>--find-links</c>.</summary>
    public static string FindLinks(TestUser user, string name, params BuiltWheel[] wheels)
    {
        var root = user.CreateDirectory(name);
        foreach (var wheel in wheels)
        {
            TreeCopy.CopyFile(wheel.Path, Path.Combine(root, wheel.FileName));
        }
        user.GiveOwnership(root);
        return root;
    }

    public static string Url(string directory) => new Uri(directory).AbsoluteUri;

    public static string Normalize(string name) => name.Replace('_', '-').Replace('.', '-').ToLowerInvariant();
}
