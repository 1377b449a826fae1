using System.Reflection;

namespace UvShim.Tests.Infrastructure;

/// <summary>
/// The checkout the tests were built from: recorded at build time (UvShim.Tests.csproj), so it holds wherever the
/// build output went; else the nearest directory above the test output holding UvShim.sln.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Root.Value;

    private static string Find()
    {
        var recorded = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(System.IO.Path.Combine(recorded, "UvShim.sln")))
            return recorded;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "UvShim.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("UvShim.sln not found above " + AppContext.BaseDirectory);
    }
}
