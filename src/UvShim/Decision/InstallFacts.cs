using UvShim.Python;

namespace UvShim.Decision;

/// <summary>Everything the install decision looks at, gathered beforehand so the decision does no I/O.</summary>
internal sealed record InstallFacts
{
    public ShimMode Mode { get; init; } = ShimMode.Auto;
    /// <summary>A user install was asked for: <c>--user</c>, or pip's own switch (<c>PIP_USER</c>, pip.conf <c>user</c>).</summary>
    public bool ExplicitUser { get; init; }
    /// <summary>A non-user install was asked for: <c>--no-user</c>, or pip's switch set to false.</summary>
    public bool ExplicitNonUser { get; init; }
    /// <summary>uv treats the target as a virtual environment (a venv, or a conda environment other than base).</summary>
    public bool TargetIsEnvironment { get; init; }
    public bool HasTarget { get; init; }
    public bool HasPrefix { get; init; }
    /// <summary><c>uv pip sync</c> rather than <c>install</c>: to the user site it deletes every other user package.</summary>
    public bool IsSync { get; init; }
    public required InterpreterProbe Probe { get; init; }
    /// <summary>pip's <c>site_packages_writable()</c>: purelib and platlib of the default scheme.</summary>
    public bool DefaultSchemeWritable { get; init; }
    /// <summary>The user scheme's purelib and platlib can be written (the same test, nearest existing parent).</summary>
    public bool UserSchemeWritable { get; init; } = true;
    /// <summary>Null unless the interpreter carries an EXTERNALLY-MANAGED marker.</summary>
    public ExternallyManaged? ExternallyManaged { get; init; }
    public bool BreakSystemPackages { get; init; }
}
