using UvShim.Platform;

namespace UvShim.UvConfig;

/// <summary>
/// Reads uv's configuration files the way uv 0.12.5 does for one invocation (crates/uv/src/lib.rs L149–358,
/// crates/uv-settings/src/lib.rs), down to the <c>[pip]</c> keys that steer the interpreter and install target.
/// Never throws for bad files: it answers <see cref="UvConfigResult.Unreadable"/> where uv would stop.
/// </summary>
internal static class UvConfigDiscovery
{
    /// <param name="workingDirectory">uv's working directory, i.e. after <c>--directory</c>/<c>UV_WORKING_DIR</c>.</param>
    public static UvConfigResult Load(string workingDirectory, UvConfigInputs inputs, IReadOnlyDictionary<string, string> environment) =>
        Load(workingDirectory, inputs, environment, UvConfigHost.Current);

    public static UvConfigResult Load(
        string workingDirectory, UvConfigInputs inputs, IReadOnlyDictionary<string, string> environment, UvConfigHost host)
    {
        var cwd = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory));

        // clap reads a variable only when its option is absent, and rejects an empty path or a non-boolean flag.
        var configFile = inputs.ConfigFile ?? environment.GetValueOrDefault("UV_CONFIG_FILE");
        if (configFile is { Length: 0 })
            return Unreadable(inputs.ConfigFile is null ? "UV_CONFIG_FILE" : "--config-file", "a value is required but none was supplied");
        var noConfig = inputs.NoConfig;
        if (!noConfig && environment.TryGetValue("UV_NO_CONFIG", out var noConfigText))
        {
            if (Boolish.Parse(noConfigText) is not { } parsed)
                return Unreadable("UV_NO_CONFIG", $"invalid value '{noConfigText}': value was not a boolean");
            noConfig = parsed;
        }
        var project = inputs.Project ?? environment.GetValueOrDefault("UV_PROJECT");
        if (project is { Length: 0 })
            return Unreadable(inputs.Project is null ? "UV_PROJECT" : "--project", "a value is required but none was supplied");

        // uv checks --project before it reads any config (lib.rs L222–266).
        var projectDir = cwd;
        if (project is not null)
        {
            projectDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(project, cwd));
            if (Path.GetFileName(projectDir) == "pyproject.toml" && File.Exists(projectDir))
                projectDir = Path.GetDirectoryName(projectDir)!;
            else if (!Path.Exists(projectDir))
                return Unreadable(projectDir, $"Project directory `{project}` does not exist");
            else if (!Directory.Exists(projectDir))
                return Unreadable(projectDir, $"Project path `{project}` is not a directory");
        }

        // --config-file replaces every other file, and still counts under --no-config.
        if (configFile is not null)
        {
            var path = Path.Combine(cwd, configFile);
            var file = UvTomlReader.ReadUvToml(path, out var error);
            return file is null ? Unreadable(path, error!) : Loaded(cwd, [file], []);
        }

        // The deprecated --isolated only still works outside the preview commands, e.g. for uv pip.
        if (noConfig || (inputs.Isolated && inputs.Command == UvCommandKind.Pip))
            return Loaded(cwd, [], []);

        var warnings = new List<UvConfigWarning>();
        var files = new List<UvConfigFile>();
        if (inputs.Command != UvCommandKind.ToolOrSelf)
        {
            var found = ProjectConfigWalk.Find(projectDir, warnings);
            if (found.StoppedAt is { } stoppedAt && WorkspaceRoot.RestartFor(projectDir, stoppedAt) is { } root)
            {
                warnings.Clear();
                found = ProjectConfigWalk.Find(root, warnings);
            }
            switch (found)
            {
                case DirectoryConfig.Failed failed:
                    return Unreadable(failed.Path, failed.Reason);
                case DirectoryConfig.Found hit:
                    files.Add(hit.File);
                    break;
            }
        }

        // uv reads project, system, user (tool/self: user, system); the first failure is the one it reports.
        UvConfigFile? user = null;
        UvConfigFile? system = null;
        var failure = inputs.Command == UvCommandKind.ToolOrSelf
            ? ReadUser(environment, host, out user) ?? ReadSystem(environment, host, out system)
            : ReadSystem(environment, host, out system) ?? ReadUser(environment, host, out user);
        if (failure is not null)
            return failure;

        if (user is not null)
            files.Add(user);
        if (system is not null)
            files.Add(system);
        return Loaded(cwd, files, warnings);
    }

    /// <summary>lib.rs FilesystemOptions::user: a missing or unreadable (permission) file is no file; anything else is an error.</summary>
    private static UvConfigResult? ReadUser(IReadOnlyDictionary<string, string> env, UvConfigHost host, out UvConfigFile? file)
    {
        file = null;
        var path = UvConfigPaths.UserFile(env, host);
        if (path is null || !Path.Exists(path))
            return null;
        var text = UvTomlFile.Read(path, out var error, out var accessDenied);
        if (text is null)
            return accessDenied ? null : Unreadable(path, error!);
        file = UvTomlReader.FromText(path, text, out error);
        return file is null ? Unreadable(path, error!) : null;
    }

    /// <summary>lib.rs FilesystemOptions::system: skipped under <c>UV_NO_SYSTEM_CONFIG</c>; once located, any failure is an error.</summary>
    private static UvConfigResult? ReadSystem(IReadOnlyDictionary<string, string> env, UvConfigHost host, out UvConfigFile? file)
    {
        file = null;
        if (env.TryGetValue("UV_NO_SYSTEM_CONFIG", out var noSystem))
        {
            if (Boolish.Parse(noSystem) is not { } skip)
                return Unreadable("UV_NO_SYSTEM_CONFIG", $"invalid value '{noSystem}': expected a boolish value");
            if (skip)
                return null;
        }
        var path = UvConfigPaths.SystemFile(env, host);
        if (path is null)
            return null;
        file = UvTomlReader.ReadUvToml(path, out var error);
        return file is null ? Unreadable(path, error!) : null;
    }

    private static UvConfigResult.Unreadable Unreadable(string path, string reason) => new(path, reason);

    private static UvConfigResult.Loaded Loaded(string cwd, IReadOnlyList<UvConfigFile> files, IReadOnlyList<UvConfigWarning> warnings) =>
        new(UvPipSettingsMerge.Merge(cwd, files), warnings);
}
