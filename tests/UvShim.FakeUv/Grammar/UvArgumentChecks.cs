namespace UvShim.FakeUv.Grammar;

/// <summary>
/// The argument errors uv itself raises after clap accepted the command line (exit code 2, <c>error: …</c>), in uv's
/// order: the preview flags (uv 0.12.5 crates/uv/src/lib.rs <c>run_with_workspace_cache</c> calls
/// <c>settings::resolve_preview</c> first), then <c>GlobalSettings::resolve</c> (crates/uv/src/settings.rs:
/// <c>NetworkSettings::resolve</c>, <c>resolve_python_preference</c>, <c>python_downloads</c>), then the command's
/// <c>compat_args.validate()</c> (crates/uv-cli/src/compat.rs) and the command's settings (<c>SyncSettings</c>,
/// <c>ExportSettings</c>: <c>check_conflicts</c> of <c>--locked</c>/<c>--frozen</c> and the install-selection pairs).
/// <para>
/// uv's <c>flag(yes, no, name)</c> (crates/uv-cli/src/options.rs) fails when both of a <c>--x</c>/<c>--no-x</c> pair
/// are set. Within one level clap's <c>overrides_with</c> keeps only the last one, and an environment variable behind
/// <c>--x</c> already makes clap report a conflict, so what remains is a global pair given at two levels
/// (<c>uv --offline pip install --no-offline</c>, clap issue 6049): checked for the global pairs.
/// </para>
/// Not reproduced: errors that depend on files or on settings from configuration files (<c>--offline</c> from
/// <c>uv.toml</c> against <c>--refresh</c>), unparsable boolean environment variables (<c>EnvironmentOptions::new</c>),
/// compat warnings (<c>warning: pip's `--disable-pip-version-check` has no effect</c>), and the settings checks of
/// commands the fake does not implement.
/// </summary>
internal static class UvArgumentChecks
{
    private const string SixtyFortyNine =
        "Boolean flags on different levels are currently not supported (https://github.com/clap-rs/clap/issues/6049)";

    public static void Check(ParsedCommandLine parsed, Func<string, string?> environment)
    {
        // settings.rs resolve_preview
        Flag(parsed, "preview", "no_preview", "preview");

        // settings.rs NetworkSettings::resolve: offline, then system-certs, and native-tls only when system-certs is unset.
        Flag(parsed, "offline", "no_offline", "offline");
        if (Flag(parsed, "system_certs", "no_system_certs", "system-certs") is null)
        {
            Flag(parsed, "native_tls", "no_native_tls", "native-tls");
        }

        // settings.rs resolve_python_preference
        var (managed, noManaged) = ResolveFlagPair(
            parsed, environment, ("managed_python", "managed-python", "UV_MANAGED_PYTHON"), ("no_managed_python", "no-managed-python", "UV_NO_MANAGED_PYTHON"));
        if (parsed.Get("python_preference") is not null)
        {
            CheckConflicts(managed, "`--python-preference`");
            CheckConflicts(noManaged, "`--python-preference`");
        }

        // settings.rs GlobalSettings::resolve python_downloads
        Flag(parsed, "allow_python_downloads", "no_python_downloads", "python-downloads");

        switch (parsed.CommandPath)
        {
            case ["pip", "compile"]:
                PipCompileCompat(parsed);
                break;
            case ["pip", "sync"]:
                PipSyncCompat(parsed);
                break;
            case ["pip", "install"]:
                // compat.rs PipInstallCompatArgs::validate
                Bail(parsed, "user", "pip's `--user` is unsupported (use a virtual environment instead)");
                break;
            case ["sync"]:
                SyncSettings(parsed, environment);
                break;
            case ["export"]:
                // settings.rs ExportSettings::resolve
                LockedAndFrozen(parsed, environment);
                break;
        }
    }

    // compat.rs PipCompileCompatArgs::validate, the options that bail (the others only warn).
    private static void PipCompileCompat(ParsedCommandLine parsed)
    {
        Bail(parsed, "reuse_hashes", "pip-compile's `--reuse-hashes` is unsupported (uv doesn't reuse hashes)");
        if (parsed.Get("resolver") is { Values: [.., "legacy"] })
        {
            throw new UvError("pip-compile's `--resolver=legacy` is unsupported (uv always backtracks)");
        }
        Bail(parsed, "max_rounds", "pip-compile's `--max-rounds` is unsupported (uv always resolves until convergence)");
        Bail(parsed, "client_cert", "pip-compile's `--client-cert` is unsupported (uv doesn't support dedicated client certificates)");
        Bail(parsed, "emit_trusted_host", "pip-compile's `--emit-trusted-host` is unsupported");
        Bail(parsed, "config", "pip-compile's `--config` is unsupported (uv does not use a configuration file)");
        Bail(parsed, "emit_options", "pip-compile's `--emit-options` is unsupported (try `--emit-build-options` instead)");
        Bail(parsed, "pip_args", "pip-compile's `--pip-args` is unsupported (try passing arguments to uv directly)");
    }

    // compat.rs PipSyncCompatArgs::validate
    private static void PipSyncCompat(ParsedCommandLine parsed)
    {
        Bail(parsed, "ask", "pip-sync's `--ask` is unsupported (uv never asks for confirmation)");
        Bail(parsed, "python_executable", "pip-sync's `--python-executable` is unsupported (to install into a separate Python environment, try setting `VIRTUAL_ENV` instead)");
        Bail(parsed, "user", "pip-sync's `--user` is unsupported (use a virtual environment instead)");
        Bail(parsed, "client_cert", "pip-sync's `--client-cert` is unsupported (uv doesn't support dedicated client certificates)");
        Bail(parsed, "config", "pip-sync's `--config` is unsupported (uv does not use a configuration file)");
        Bail(parsed, "pip_args", "pip-sync's `--pip-args` is unsupported (try passing arguments to uv directly)");
    }

    // settings.rs SyncSettings::resolve: flag(check, no_check), locked/frozen, then the install-selection pairs.
    private static void SyncSettings(ParsedCommandLine parsed, Func<string, string?> environment)
    {
        Flag(parsed, "check", "no_check", "check");
        LockedAndFrozen(parsed, environment);
        var pairs = new[] { "project", "workspace", "local" }
            .Select(scope => ResolveFlagPair(
                parsed,
                environment,
                ($"no_install_{scope}", $"no-install-{scope}", $"UV_NO_INSTALL_{scope.ToUpperInvariant()}"),
                ($"only_install_{scope}", $"only-install-{scope}", $"UV_ONLY_INSTALL_{scope.ToUpperInvariant()}")))
            .ToList();
        foreach (var (no, only) in pairs)
        {
            CheckConflicts(no, only);
        }
        if (parsed.Get("script") is not null)
        {
            foreach (var (no, _) in pairs)
            {
                CheckConflicts(no, "`--script`");
            }
        }
    }

    private static void LockedAndFrozen(ParsedCommandLine parsed, Func<string, string?> environment)
    {
        var locked = ResolveFlag(parsed, environment, "locked", "locked", "UV_LOCKED");
        var frozen = ResolveFlag(parsed, environment, "frozen", "frozen", "UV_FROZEN");
        CheckConflicts(locked, frozen);
    }

    private static void Bail(ParsedCommandLine parsed, string id, string message)
    {
        if (parsed.Get(id) is not null)
        {
            throw new UvError(message);
        }
    }

    /// <summary>options.rs <c>flag</c>: null when neither is set; an error when both are.</summary>
    private static bool? Flag(ParsedCommandLine parsed, string yesId, string noId, string name)
    {
        var yes = parsed.IsTrue(yesId);
        var no = parsed.IsTrue(noId);
        if (yes && no)
        {
            throw new UvError($"`--{name}` and `--no-{name}` cannot be used together. {SixtyFortyNine}");
        }
        return yes ? true : no ? false : null;
    }

    /// <summary>options.rs <c>resolve_flag</c>: the command line, else the environment variable when it reads true; how it reads in a message.</summary>
    private static string? ResolveFlag(ParsedCommandLine parsed, Func<string, string?> environment, string? id, string name, string variable) =>
        id is not null && parsed.IsTrue(id) ? $"`--{name}`" : EnvironmentIsTrue(environment, variable) ? $"`{variable}` (environment variable)" : null;

    /// <summary>options.rs <c>resolve_flag_pair</c>: either on the command line, and both variables are ignored.</summary>
    private static (string? Yes, string? No) ResolveFlagPair(
        ParsedCommandLine parsed,
        Func<string, string?> environment,
        (string Id, string Name, string Variable) yes,
        (string Id, string Name, string Variable) no)
    {
        if (parsed.IsTrue(yes.Id) || parsed.IsTrue(no.Id))
        {
            return (parsed.IsTrue(yes.Id) ? $"`--{yes.Name}`" : null, parsed.IsTrue(no.Id) ? $"`--{no.Name}`" : null);
        }
        return (ResolveFlag(parsed, environment, null, yes.Name, yes.Variable), ResolveFlag(parsed, environment, null, no.Name, no.Variable));
    }

    /// <summary>options.rs <c>check_conflicts</c>.</summary>
    private static void CheckConflicts(string? first, string? second)
    {
        if (first is not null && second is not null)
        {
            throw new UvError($"the argument {first} cannot be used with {second}");
        }
    }

    private static bool EnvironmentIsTrue(Func<string, string?> environment, string variable) =>
        environment(variable) is { } value && ClapValueParser.ToBool(value) == true;
}
