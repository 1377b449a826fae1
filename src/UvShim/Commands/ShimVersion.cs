namespace UvShim.Commands;

/// <summary>
/// uvshim's version, <c>$(Version)</c>, as a constant UvShim.csproj writes at build time: reading it from the assembly's
/// attributes took a twentieth of a warm rewrite (bench/run.sh).
/// </summary>
internal static partial class ShimVersion;
