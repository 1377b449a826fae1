using System.Runtime.Versioning;

namespace UvShim.Tests.Infrastructure;

/// <summary>Copies files and trees keeping what matters to programs: modes, modification times, symlinks as symlinks.</summary>
[SupportedOSPlatform("linux")]
public static class TreeCopy
{
    public static void CopyFile(string source, string destination)
    {
        File.Copy(source, destination, overwrite: true);
        File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(source));
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>; <paramref name="include"/>
    /// sees each entry's path relative to <paramref name="source"/> ('/'-separated) and whether it is a directory.</summary>
    public static void CopyDirectory(string source, string destination, Func<string, bool, bool>? include = null)
    {
        include ??= (_, _) => true;
        Directory.CreateDirectory(destination);
        Copy(new DirectoryInfo(source), destination, "", include);
        File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
    }

    private static void Copy(DirectoryInfo source, string destination, string relative, Func<string, bool, bool> include)
    {
        foreach (var entry in source.EnumerateFileSystemInfos())
        {
            var entryRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            var target = Path.Combine(destination, entry.Name);
            var isDirectory = entry is DirectoryInfo && entry.LinkTarget is null;
            if (!include(entryRelative, isDirectory))
            {
                continue;
            }
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo directory)
            {
                Directory.CreateDirectory(target);
                Copy(directory, target, entryRelative, include);
                File.SetUnixFileMode(target, directory.UnixFileMode);
            }
            else
            {
                CopyFile(entry.FullName, target);
            }
        }
    }

    /// <summary><c>chmod -R a-w</c>, symlinks left alone.</summary>
    public static void RemoveWriteBits(string path)
    {
        TestRunDirectory.HasReadOnlyParts = true;
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is null)
            {
                entry.UnixFileMode &= ~UnixFileModes.AnyWrite;
            }
        }
        var root = new DirectoryInfo(path);
        root.UnixFileMode &= ~UnixFileModes.AnyWrite;
    }
}
