using System.Reflection;

namespace UvShim.Commands;

internal static class ShimVersion
{
    public static string Text { get; } =
        typeof(ShimVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "unknown";
}
