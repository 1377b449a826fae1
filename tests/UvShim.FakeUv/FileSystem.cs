using System.Runtime.InteropServices;
using System.Text;

namespace UvShim.FakeUv;

/// <summary>An I/O failure worded like Rust's fs-err, as uv prints it: <c>failed to create directory `…`: Permission denied (os error 13)</c>.</summary>
internal sealed class FileSystemError(string action, string path, int errno)
    : Exception($"failed to {action} `{path}`: {Marshal.GetPInvokeErrorMessage(errno)} (os error {errno})");

/// <summary>File operations that report the real errno.</summary>
internal static unsafe class FileSystem
{
    private const int EACCES = 13;

    public static void CreateDirectories(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }
        if (Path.GetDirectoryName(path) is { } parent)
        {
            CreateDirectories(parent);
        }
        var bytes = Native.AllocCString(Encoding.UTF8.GetBytes(path));
        try
        {
            if (Native.MkDir(bytes, 0b111_111_111) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != Native.EEXIST)
            {
                throw new FileSystemError("create directory", path, errno);
            }
        }
        finally
        {
            NativeMemory.Free(bytes);
        }
    }

    public static void WriteFile(string path, Stream content, UnixFileMode mode)
    {
        try
        {
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = mode,
            });
            content.CopyTo(file);
        }
        catch (Exception e) when (Errno(e) is { } errno)
        {
            throw new FileSystemError("create file", path, errno);
        }
        File.SetUnixFileMode(path, mode);
    }

    public static void WriteFile(string path, byte[] content, UnixFileMode mode)
    {
        using var stream = new MemoryStream(content);
        WriteFile(path, stream, mode);
    }

    public static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (Errno(e) is { } errno)
        {
            throw new FileSystemError("remove file", path, errno);
        }
    }

    /// <summary>
    /// Removes a file (or symlink); a real directory is removed as a tree, as uv falls back to <c>remove_dir_all</c>.
    /// Returns false when there was nothing to remove; a failure is reported as the failed file removal.
    /// </summary>
    public static bool RemoveFileOrTree(string path)
    {
        var info = new FileInfo(path);
        var isLink = info.LinkTarget is not null;
        if (!isLink && !info.Exists && !Directory.Exists(path))
        {
            return false;
        }
        try
        {
            if (!isLink && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
            return true;
        }
        catch (Exception e) when (Errno(e) is { } errno)
        {
            throw new FileSystemError("remove file", path, errno);
        }
    }

    /// <summary>Removes a directory tree if it exists.</summary>
    public static void RemoveTree(string path)
    {
        if (!Directory.Exists(path) || new DirectoryInfo(path).LinkTarget is not null)
        {
            return;
        }
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (Errno(e) is { } errno)
        {
            throw new FileSystemError("remove directory", path, errno);
        }
    }

    public static void RemoveEmptyDirectory(string path)
    {
        try
        {
            Directory.Delete(path);
        }
        catch (Exception e) when (Errno(e) is { } errno)
        {
            throw new FileSystemError("remove directory", path, errno);
        }
    }

    /// <summary>.NET maps EACCES/EPERM to UnauthorizedAccessException; other errnos become the IOException's HResult.</summary>
    private static int? Errno(Exception e) =>
        e switch
        {
            UnauthorizedAccessException => EACCES,
            IOException io when io.HResult is > 0 and < 4096 => io.HResult,
            _ => null,
        };
}
