using System.Runtime.Versioning;
using UvShim.Tests.Infrastructure;

namespace UvShim.Tests.FakeUv;

/// <summary>
/// Project files for the fake uv's project specs, written as uv writes them and owned by the test user: a
/// <c>pyproject.toml</c> per directory, and a <c>uv.lock</c> (version 1, revision 3) whose registry packages come from
/// a <see cref="LocalIndex"/> (absolute registry path, absolute wheel path, sha256 from the index).
/// </summary>
[SupportedOSPlatform("linux")]
public static class FakeUvProject
{
    public static void Write(TestUser user, string directory, string relativePath, string content)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        user.GiveOwnership(directory);
    }

    /// <summary>A lock's <c>[[package]]</c> block for a wheel from a local index.</summary>
    public static string RegistryPackage(string index, BuiltWheel wheel, params string[] dependencies)
    {
        var lines = new List<string>
        {
            "[[package]]",
            $"name = \"{LocalIndex.Normalize(wheel.Name)}\"",
            $"version = \"{wheel.Version}\"",
            $"source = {{ registry = \"{index}\" }}",
        };
        if (dependencies.Length > 0)
        {
            lines.Add("dependencies = [");
            lines.AddRange(dependencies.Select(d => $"    {{ name = \"{d}\" }},"));
            lines.Add("]");
        }
        lines.Add("wheels = [");
        lines.Add($"    {{ path = \"{Path.Combine(index, LocalIndex.Normalize(wheel.Name), wheel.FileName)}\", hash = \"{SampleProject.Sha256(wheel.Path)}\" }},");
        lines.Add("]");
        return string.Join('\n', lines);
    }

    /// <summary>A single virtual project (<c>[tool.uv] package = false</c>) whose index is <paramref name="index"/>.</summary>
    public static string VirtualProject(string name, string index, params string[] dependencies) =>
        $"""
        [project]
        name = "{name}"
        version = "0.1.0"
        requires-python = ">=3.8"
        dependencies = [{string.Join(", ", dependencies.Select(d => $"\"{d}\""))}]

        [tool.uv]
        package = false

        [[tool.uv.index]]
        name = "local"
        url = "{LocalIndex.Url(index)}"

        """;

    public const string LockHeader = "version = 1\nrevision = 3\nrequires-python = \">=3.8\"\n\n";
}
