using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// A virtual uv project (<c>[tool.uv] package = false</c>, so nothing needs a build backend offline) in a directory
/// the test user owns: <c>pyproject.toml</c> with <c>dependencies = ["&lt;dependency&gt;"]</c>, a <c>dev</c>
/// dependency group with a second package, both taken from wheels copied into <c>wheels/</c> through
/// <c>[tool.uv.sources]</c> path entries, and a <c>uv.lock</c> in uv's format (lock version 1, revision 3) that
/// <c>uv sync --frozen</c>/<c>uv export --frozen</c> accept: path wheels recorded with their file name and sha256.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SampleProject
{
    public const string Name = "uvshim-sample";

    private SampleProject(string directory, BuiltWheel dependency, BuiltWheel devDependency)
    {
        Directory = directory;
        Dependency = dependency;
        DevDependency = devDependency;
    }

    /// <summary>The project root (where pyproject.toml and uv.lock are).</summary>
    public string Directory { get; }

    /// <summary>The project's one dependency (<c>[project] dependencies</c>).</summary>
    public BuiltWheel Dependency { get; }

    /// <summary>The one member of the <c>dev</c> dependency group (installed by default, left out with <c>--no-dev</c>).</summary>
    public BuiltWheel DevDependency { get; }

    public string LockPath => Path.Combine(Directory, "uv.lock");

    /// <summary><c>wheels/&lt;file&gt;</c>: how the project (and uv's export) names a wheel, relative to the root.</summary>
    public static string RelativeWheelPath(BuiltWheel wheel) => "wheels/" + wheel.FileName;

    /// <summary>sha256 of a wheel file, as uv writes it in a lock and an export: <c>sha256:&lt;hex&gt;</c>.</summary>
    public static string Sha256(string path) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public static SampleProject Create(TestUser user, BuiltWheel dependency, BuiltWheel devDependency)
    {
        var directory = user.CreateDirectory("sample-project");
        var wheels = Path.Combine(directory, "wheels");
        System.IO.Directory.CreateDirectory(wheels);
        foreach (var wheel in new[] { dependency, devDependency })
        {
            TreeCopy.CopyFile(wheel.Path, Path.Combine(wheels, wheel.FileName));
        }
        var project = new SampleProject(directory, dependency, devDependency);
        File.WriteAllText(Path.Combine(directory, "pyproject.toml"), project.PyprojectToml());
        File.WriteAllText(project.LockPath, project.LockToml());
        user.GiveOwnership(directory);
        return project;
    }

    /// <summary>The requirements.txt that <c>uv export --frozen</c> writes for the project (hashes and annotations on),
    /// after the two header lines: local paths sorted by path, the dependency annotated as coming from the project, the
    /// dev-group member (an edge from the root) without annotation.</summary>
    public string ExportBody() =>
        string.Concat(new[] { Dependency, DevDependency }
            .OrderBy(RelativeWheelPath, StringComparer.Ordinal)
            .Select(wheel => $"./{RelativeWheelPath(wheel)} \\\n    --hash={Sha256(wheel.Path)}\n"
                + (wheel == Dependency ? $"    # via {Name}\n" : "")));

    private static string Normalized(BuiltWheel wheel) => wheel.Name.Replace('_', '-').Replace('.', '-').ToLowerInvariant();

    private string PyprojectToml() =>
        $$"""
        [project]
        name = "{{Name}}"
        version = "0.1.0"
        requires-python = ">=3.8"
        dependencies = ["{{Normalized(Dependency)}}"]

        [dependency-groups]
        dev = ["{{Normalized(DevDependency)}}"]

        [tool.uv]
        package = false

        [tool.uv.sources]
        {{Normalized(Dependency)}} = { path = "{{RelativeWheelPath(Dependency)}}" }
        {{Normalized(DevDependency)}} = { path = "{{RelativeWheelPath(DevDependency)}}" }

        """;

    /// <summary>Packages sorted by name, as uv writes them; the root last here because <c>uvshim-sample</c> sorts last.</summary>
    private string LockToml()
    {
        var packages = new[] { Dependency, DevDependency }
            .OrderBy(Normalized, StringComparer.Ordinal)
            .Select(wheel => $$"""
                [[package]]
                name = "{{Normalized(wheel)}}"
                version = "{{wheel.Version}}"
                source = { path = "{{RelativeWheelPath(wheel)}}" }
                wheels = [
                    { filename = "{{wheel.FileName}}", hash = "{{Sha256(wheel.Path)}}" },
                ]

                """);
        return $$"""
            version = 1
            revision = 3
            requires-python = ">=3.8"

            {{string.Join("\n", packages)}}
            [[package]]
            name = "{{Name}}"
            version = "0.1.0"
            source = { virtual = "." }
            dependencies = [
                { name = "{{Normalized(Dependency)}}" },
            ]

            [package.dev-dependencies]
            dev = [
                { name = "{{Normalized(DevDependency)}}" },
            ]

            [package.metadata]
            requires-dist = [{ name = "{{Normalized(Dependency)}}", path = "{{RelativeWheelPath(Dependency)}}" }]

            [package.metadata.requires-dev]
            dev = [{ name = "{{Normalized(DevDependency)}}", path = "{{RelativeWheelPath(DevDependency)}}" }]

            """;
    }
}
