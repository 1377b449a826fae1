using System.Runtime.Versioning;
namespace UvShim.Tests.Conformance;

/// <summary>
/// Values for generated command lines that mean something where the test runs: the interpreter, a wheel, a
/// requirements file naming it, directories the user may write, the package it installs.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class LineValues(string python, string wheel, string packageName, string requirementsFile, string scratchDirectory)
{
    public string ValueFor(string id, Random random) => id switch
    {
        "python" => random.Next(4) switch
        {
            0 => "",
            1 => Path.GetDirectoryName(Path.GetDirectoryName(python))!,
            _ => python,
        },
        "target" or "prefix" => Path.Combine(scratchDirectory, id + random.Next(1000)),
        "requirements" or "constraints" or "overrides" or "build_constraints" or "excludes" => requirementsFile,
        "extra" or "no_extra" => "web",
        "no_group" => "dev",
        "reinstall_package" or "upgrade_package" or "refresh_package" or "no_binary" or "only_binary" or "no_build_package"
            or "no_binary_package" or "no_install_package" or "only_install_package" or "no_emit_package" or "only_emit_package"
            or "no_editable_package" or "no_build_isolation_package" or "no_sources_package" or "prerelease_package"
            or "config_settings_package" or "exclude" => packageName,
        "config_setting" => "key=value",
        "verbose" or "quiet" => "",
        _ => "1",
    };

    public IEnumerable<string> Positionals(string[] command, Random random) => command switch
    {
        ["pip", "install"] => random.Next(3) == 0 ? [] : [wheel],
        ["pip", "sync"] => [requirementsFile],
        ["pip", "uninstall"] or ["add"] or ["remove"] => [packageName],
        ["pip", "show"] => random.Next(2) == 0 ? [packageName] : [packageName, "absent-package"],
        ["run"] => ["python", "-c", "pass"],
        _ => [],
    };
}
