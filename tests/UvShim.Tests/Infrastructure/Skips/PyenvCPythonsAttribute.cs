using System.Reflection;
using Xunit.Sdk;

namespace UvShim.Tests.Infrastructure.Skips;

/// <summary>
/// Theory data: one row per <see cref="PyenvCPythons.Versions"/> entry (the version, e.g. "3.13.0"). Without pyenv a
/// single row reports Skipped, saying so: pyenv is extra coverage, never a requirement.
/// </summary>
public sealed class PyenvCPythonsAttribute : DataAttribute
{
    public PyenvCPythonsAttribute() => Skip = TestTier.NotLinux ?? PyenvCPythons.Missing;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Skip is null ? PyenvCPythons.Versions.Select(version => new object[] { version }) : [["none"]];
}
