using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>A Python interpreter the integration tests install for, as it reports itself to the test user.</summary>
/// <param name="Executable">Its absolute <c>sys.executable</c> when started by that path (what uvshim passes as <c>--python</c>).</param>
/// <param name="SitePackages">Its default purelib, where pip (and uv) install into it: sysconfig's preferred "prefix" scheme
/// (<c>&lt;prefix&gt;/local/lib/python3.X/dist-packages</c> for Debian's, <c>&lt;prefix&gt;/lib/python3.X/site-packages</c> elsewhere).</param>
/// <param name="Scripts">The same scheme's scripts directory (<c>&lt;prefix&gt;/local/bin</c> for Debian's, <c>&lt;prefix&gt;/bin</c> elsewhere).</param>
[SupportedOSPlatform("linux")]
public sealed record TestInterpreter(string Description, string Executable, string Prefix, string Version, string Stdlib, string SitePackages, string Scripts)
{
    public string MajorMinor => string.Join('.', Version.Split('.').Take(2));

    /// <summary>The directory holding <see cref="Executable"/>: put it first on PATH to make it "the" python3.</summary>
    public string BinDirectory => Path.GetDirectoryName(Executable)!;

    public string ExternallyManagedMarker => Path.Combine(Stdlib, "EXTERNALLY-MANAGED");

    public bool IsExternallyManaged => File.Exists(ExternallyManagedMarker);

    /// <summary>posix_user purelib under the user's base (not free-threaded).</summary>
    public string UserSitePackages(TestUser user) => Path.Combine(user.UserBase, "lib", $"python{MajorMinor}", "site-packages");

    /// <summary>posix_user scripts.</summary>
    public string UserScripts(TestUser user) => Path.Combine(user.UserBase, "bin");

    public override string ToString() => $"{Description}: {Executable} (Python {Version})";
}
