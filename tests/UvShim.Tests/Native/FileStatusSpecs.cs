using System.Runtime.Versioning;
using UvShim.Native;

namespace UvShim.Tests.Native;

/// <summary>
/// The probe cache's file status comes from the C library's statx where it has one and from the system call where it
/// has none (musl before 1.2.5, Alpine 3.19 and older): both give the same status for the same file.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class FileStatusSpecs
{
    public static TheoryData<string> Paths => ["/bin/sh", "/usr/bin", "/proc/self/exe"];

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_system_call_gives_what_the_C_librarys_statx_gives(string path)
    {
        var throughLibrary = FileStatusReader.Read(path, viaSystemCall: false);
        var throughSystemCall = FileStatusReader.Read(path, viaSystemCall: true);

        Assert.NotNull(throughLibrary);
        Assert.Equal(throughLibrary, throughSystemCall);
    }

    [Fact]
    public void A_missing_file_has_no_status_either_way()
    {
        Assert.Null(FileStatusReader.Read("/nonexistent/uvshim-status", viaSystemCall: false));
        Assert.Null(FileStatusReader.Read("/nonexistent/uvshim-status", viaSystemCall: true));
    }
}
