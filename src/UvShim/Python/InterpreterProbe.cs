namespace UvShim.Python;

/// <summary>What one run of <see cref="ProbeScript"/> reported about an interpreter.</summary>
internal sealed record InterpreterProbe
{
    public required string Executable { get; init; }
    public required string Version { get; init; }
    public required string Platform { get; init; }
    public required string OsName { get; init; }
    public string Framework { get; init; } = "";
    public bool GilDisabled { get; init; }
    public required string Prefix { get; init; }
    public required string BasePrefix { get; init; }
    public bool InVenv { get; init; }
    /// <summary>The raw <c>include-system-site-packages</c> value of pyvenv.cfg; empty outside a venv.</summary>
    public string VenvIncludeSystemSitePackages { get; init; } = "";
    /// <summary><c>True</c>, <c>False</c> or <c>None</c>, as <c>site.check_enableusersite()</c> returns.</summary>
    public required string EnableUserSite { get; init; }
    public string UserBase { get; init; } = "";
    public string UserSite { get; init; } = "";
    public string UserScheme { get; init; } = "";
    public string PrefixScheme { get; init; } = "";
    public required string Stdlib { get; init; }
    /// <summary><c>site.getsitepackages()</c>, joined by <c>os.pathsep</c>: the system site directories on sys.path.</summary>
    public string SitePackages { get; init; } = "";
    public required SchemePaths User { get; init; }
    public required SchemePaths Default { get; init; }
    /// <summary>uv's <c>--prefix</c> layout, relative to the prefix.</summary>
    public required SchemePaths PrefixLayout { get; init; }

    public bool IsWindows => OsName == "nt";

    /// <summary>pip's <c>virtualenv_no_global()</c>: pyvenv.cfg says exactly <c>false</c>, or cannot be read.</summary>
    public bool VenvWithoutSystemSite =>
        InVenv && VenvIncludeSystemSitePackages is "false" or "<unreadable>";

    /// <summary>
    /// <c>site.ENABLE_USER_SITE</c> after a normal start: CPython's <c>site.venv()</c> turns it off
    /// in a venv whose pyvenv.cfg says anything but true (any case).
    /// </summary>
    public bool UserSiteEnabled =>
        EnableUserSite == "True"
        && !(InVenv && !string.Equals(VenvIncludeSystemSitePackages, "true", StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<string> SiteDirectories =>
        SitePackages.Split(IsWindows ? ';' : ':', StringSplitOptions.RemoveEmptyEntries);

    public string MajorMinor => string.Join('.', Version.Split('.').Take(2));
}

internal sealed record SchemePaths(string Purelib, string Platlib, string Scripts, string Data);
