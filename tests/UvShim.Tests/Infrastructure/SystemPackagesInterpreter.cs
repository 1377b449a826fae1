using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>An interpreter copy the test user cannot write, with packages in its own (system) site-packages.</summary>
/// <param name="Wheels">The wheels installed there (<see cref="TestInterpreters.SystemPackages"/>).</param>
/// <param name="SitePackages">The copy's purelib (<see cref="TestInterpreter.SitePackages"/>).</param>
[SupportedOSPlatform("linux")]
public sealed record SystemPackagesInterpreter(TestInterpreter Python, IReadOnlyList<BuiltWheel> Wheels, string SitePackages);
