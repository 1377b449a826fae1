using Tomlyn;

namespace UvShim.FakeUv.Project;

/// <summary>
/// The project a project command (<c>export</c>, <c>sync</c>) acts on: the nearest <c>pyproject.toml</c> from the
/// project directory (<c>--project</c>, else the working directory after <c>--directory</c>) upwards, which must have a
/// <c>[project]</c> table. Its <c>uv.lock</c> sits beside it. Workspaces with members are beyond the fake.
/// </summary>
internal sealed record ProjectWorkspace(string Root, string Name, IReadOnlyList<string>? DefaultGroups)
{
    public string LockPath => Path.Combine(Root, "uv.lock");

    public static ProjectWorkspace Discover(UvCommandLine line)
    {
        var start = line.Value("project") is { } project ? Path.GetFullPath(project) : Directory.GetCurrentDirectory();
        if (line.Value("project") is { } given && !Directory.Exists(start))
        {
            throw new UvError($"Project directory `{given}` does not exist");
        }
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var path = Path.Combine(directory, "pyproject.toml");
            if (!File.Exists(path))
            {
                continue;
            }
            try
            {
                var document = Toml.Parse(File.ReadAllText(path));
                if (Toml.Table(document, "project") is not { } table || Toml.String(table, "name") is not { } name)
                {
                    throw new UvError($"No `project` table found in: `{UvPaths.UserDisplay(path)}`");
                }
                var defaultGroups = Toml.Table(document, "tool", "uv") is { } uv && uv.ContainsKey("default-groups")
                    ? Toml.Strings(uv, "default-groups").Select(PackageName.Normalize).ToList()
                    : null;
                return new ProjectWorkspace(directory, PackageName.Normalize(name), defaultGroups);
            }
            catch (Exception e) when (e is TomlException or InvalidDataException)
            {
                throw new UvError($"Failed to parse: `{UvPaths.UserDisplay(path)}`", [e.Message]);
            }
        }
        throw new UvError("No `pyproject.toml` found in current directory or any parent directory");
    }

    /// <summary>The lock, or uv's error when <c>--frozen</c>/<c>--locked</c> finds none. Without those flags the fake
    /// cannot lock, and says so (knowingly different: uv would resolve and write <c>uv.lock</c>).</summary>
    public UvLock ReadLock(UvCommandLine line)
    {
        if (!File.Exists(LockPath))
        {
            var flag = line.Has("frozen") || Boolish.Env("UV_FROZEN") ? "`--frozen`" : line.Has("locked") || Boolish.Env("UV_LOCKED") ? "`--locked`" : null;
            throw flag is null
                ? new UvError("the fake uv cannot resolve a project offline: it needs an existing `uv.lock`")
                : new UvError($"Unable to find lockfile at `{UvPaths.UserDisplay(LockPath)}`, but {flag} was provided. To create a lockfile, run `uv lock` or `uv sync` without the flag.");
        }
        return UvLock.Read(LockPath);
    }
}
