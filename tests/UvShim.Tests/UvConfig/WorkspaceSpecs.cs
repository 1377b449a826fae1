using UvShim.UvConfig;

namespace UvShim.Tests.UvConfig;

/// <summary>
/// uv starts the project walk at the workspace root when it finds one (uv 0.12.5, crates/uv/src/lib.rs L340–352;
/// crates/uv-workspace/src/workspace.rs Workspace::discover, find_workspace).
/// </summary>
public sealed class WorkspaceSpecs
{
    private const string Member = "[project]\nname = \"a\"\nversion = \"1\"\n\n";

    private static readonly ConfigTable Table = new(
        new("A workspace member's own [tool.uv.pip] gives way to the workspace root's")
        {
            Files =
            {
                ["ws/pyproject.toml"] = "[tool.uv.workspace]\nmembers = [\"packages/*\"]\n\n[tool.uv.pip]\npython = \"root\"\n",
                ["ws/packages/a/pyproject.toml"] = Member + "[tool.uv.pip]\npython = \"member\"\n",
            },
            Cwd = "ws/packages/a",
            Expect = { [UvPipKey.Python] = ("root", "ws/pyproject.toml") },
        },
        new("A workspace member's uv.toml gives way to the workspace root's pyproject.toml")
        {
            Files =
            {
                ["ws/pyproject.toml"] = "[tool.uv.workspace]\nmembers = [\"./packages/*\"]\n\n[tool.uv.pip]\nsystem = true\n",
                ["ws/packages/a/pyproject.toml"] = Member,
                ["ws/packages/a/uv.toml"] = "[pip]\nsystem = false\n",
            },
            Cwd = "ws/packages/a/src",
            Expect = { [UvPipKey.System] = (true, "ws/pyproject.toml") },
        },
        new("An excluded member reads its own config")
        {
            Files =
            {
                ["ws/pyproject.toml"] = "[tool.uv.workspace]\nmembers = [\"packages/*\"]\nexclude = [\"packages/a\"]\n\n[tool.uv.pip]\npython = \"root\"\n",
                ["ws/packages/a/pyproject.toml"] = Member + "[tool.uv.pip]\npython = \"member\"\n",
            },
            Cwd = "ws/packages/a",
            Expect = { [UvPipKey.Python] = ("member", "ws/packages/a/pyproject.toml") },
        },
        new("A project the workspace does not list reads its own config")
        {
            Files =
            {
                ["ws/pyproject.toml"] = "[tool.uv.workspace]\nmembers = [\"libs/*\"]\n\n[tool.uv.pip]\npython = \"root\"\n",
                ["ws/examples/pyproject.toml"] = Member + "[tool.uv.pip]\npython = \"example\"\n",
            },
            Cwd = "ws/examples",
            Expect = { [UvPipKey.Python] = ("example", "ws/examples/pyproject.toml") },
        },
        new("A uv.toml below the project root is not read")
        {
            Files =
            {
                ["uv.toml"] = "[pip]\npython = \"outer\"\n",
                ["app/pyproject.toml"] = Member,
                ["app/src/uv.toml"] = "[pip]\nsystem = true\n",
            },
            Cwd = "app/src",
            Expect = { [UvPipKey.Python] = ("outer", "uv.toml") },
        },
        new("A broken uv.toml below the project root does not matter")
        {
            Files =
            {
                ["app/pyproject.toml"] = Member + "[tool.uv.pip]\nsystem = true\n",
                ["app/src/uv.toml"] = "[pip\n",
            },
            Cwd = "app/src",
            Expect = { [UvPipKey.System] = (true, "app/pyproject.toml") },
        },
        new("Without a [project] table there is no workspace and the nearest uv.toml is read")
        {
            Files =
            {
                ["app/pyproject.toml"] = "[tool.black]\nline-length = 100\n",
                ["app/src/uv.toml"] = "[pip]\nsystem = true\n",
            },
            Cwd = "app/src",
            Expect = { [UvPipKey.System] = (true, "app/src/uv.toml") },
        },
        new("A project marked unmanaged has no workspace and the nearest uv.toml is read")
        {
            Files =
            {
                ["app/pyproject.toml"] = Member + "[tool.uv]\nmanaged = false\n",
                ["app/src/uv.toml"] = "[pip]\nsystem = true\n",
            },
            Cwd = "app/src",
            Expect = { [UvPipKey.System] = (true, "app/src/uv.toml") },
        },
        new("A project without a version has no workspace and the nearest uv.toml is read")
        {
            Files =
            {
                ["app/pyproject.toml"] = "[project]\nname = \"a\"\n",
                ["app/src/uv.toml"] = "[pip]\nsystem = true\n",
            },
            Cwd = "app/src",
            Expect = { [UvPipKey.System] = (true, "app/src/uv.toml") },
        },
        new("A dynamic version counts as a version")
        {
            Files =
            {
                ["app/pyproject.toml"] = "[project]\nname = \"a\"\ndynamic = [\"version\"]\n",
                ["app/src/uv.toml"] = "[pip]\nsystem = true\n",
            },
            Cwd = "app/src",
        });

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_walk_starts_at_the_workspace_root(string row) => Table.Check(row);
}
