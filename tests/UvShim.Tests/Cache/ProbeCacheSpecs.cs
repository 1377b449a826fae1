using UvShim.Cache;
using UvShim.Tests.Python;

namespace UvShim.Tests.Cache;

public sealed class ProbeCacheSpecs : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uvshim-cache-").FullName;
    private readonly string _python;

    public ProbeCacheSpecs()
    {
        _python = Path.Combine(_root, "python3");
        File.WriteAllText(_python, "#!/bin/sh\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Dictionary<string, string> Env(params (string, string)[] pairs) =>
        pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private ProbeCache Cache() => new(Path.Combine(_root, "cache"));

    [Fact]
    public void A_written_probe_is_read_back_under_the_same_key()
    {
        var key = ProbeCacheKey.For(_python, Env(("HOME", "/home/a")), "1.0")!;
        var output = RecordedProbes.Raw("linux-debian-3.11");

        Cache().Write(key, output);
        var hit = Cache().TryRead(key);

        Assert.NotNull(hit);
        Assert.Equal("/usr/bin/python3", hit.Executable);
    }

    [Fact]
    public void The_key_changes_when_the_interpreter_is_touched_or_replaced()
    {
        var before = ProbeCacheKey.For(_python, Env(), "1.0");
        Thread.Sleep(20);
        File.SetLastWriteTimeUtc(_python, DateTime.UtcNow); // changes ctime as well
        var touched = ProbeCacheKey.For(_python, Env(), "1.0");
        File.WriteAllText(_python, "#!/bin/sh\n# another build\n");
        var replaced = ProbeCacheKey.For(_python, Env(), "1.0");

        Assert.NotEqual(before, touched);
        Assert.NotEqual(touched, replaced);
    }

    [Theory]
    [InlineData("PYTHONUSERBASE", "/opt/userbase")]
    [InlineData("PYTHONNOUSERSITE", "1")]
    [InlineData("HOME", "/home/b")]
    public void The_key_changes_with_what_python_reads_for_the_user_scheme(string variable, string value)
    {
        var plain = ProbeCacheKey.For(_python, Env(("HOME", "/home/a")), "1.0");
        var changed = ProbeCacheKey.For(_python, new Dictionary<string, string>(Env(("HOME", "/home/a"))) { [variable] = value }, "1.0");

        Assert.NotEqual(plain, changed);
    }

    [Fact]
    public void The_key_changes_with_uvshims_version()
    {
        Assert.NotEqual(ProbeCacheKey.For(_python, Env(), "1.0"), ProbeCacheKey.For(_python, Env(), "1.1"));
    }

    [Fact]
    public void The_key_names_the_probe_scripts_hash_so_a_changed_script_never_reads_an_old_entry()
    {
        var key = ProbeCacheKey.For(_python, Env(), "1.0")!;
        var edited = UvShim.Python.ProbeScript.Source.Replace("import os", "import os ", StringComparison.Ordinal);

        Assert.Contains($"probe={UvShim.Python.ProbeScript.Version}-{ProbeCacheKey.FileName(UvShim.Python.ProbeScript.Source)[6..]}\n", key);
        Assert.NotEqual(ProbeCacheKey.FileName(UvShim.Python.ProbeScript.Source), ProbeCacheKey.FileName(edited));
    }

    [Theory]
    [InlineData("not an entry")]
    [InlineData("")]
    [InlineData("uvshim probe cache 1\nanother key\0probe=1\0")]
    [InlineData("uvshim probe cache 1\n")]
    public void A_corrupt_truncated_or_foreign_entry_is_a_miss_and_is_rewritten(string content)
    {
        var key = ProbeCacheKey.For(_python, Env(), "1.0")!;
        var directory = Path.Combine(_root, "cache");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ProbeCacheKey.FileName(key)), content);

        Assert.Null(Cache().TryRead(key));
        Cache().Write(key, RecordedProbes.Raw("linux-debian-3.11"));
        Assert.NotNull(Cache().TryRead(key));
    }

    [Fact]
    public void A_cache_directory_that_is_a_link_is_neither_read_nor_written()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        var link = Path.Combine(_root, "linked-cache");
        Directory.CreateSymbolicLink(link, elsewhere);
        var key = ProbeCacheKey.For(_python, Env(), "1.0")!;

        new ProbeCache(link).Write(key, RecordedProbes.Raw("linux-debian-3.11"));

        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
        File.WriteAllText(Path.Combine(elsewhere, ProbeCacheKey.FileName(key)),
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["Key"] = key, ["Output"] = RecordedProbes.Raw("linux-debian-3.11") }));
        Assert.Null(new ProbeCache(link).TryRead(key));
    }

    [Fact]
    public void An_unwritable_cache_directory_never_fails()
    {
        var key = ProbeCacheKey.For(_python, Env(), "1.0")!;
        var file = Path.Combine(_root, "not-a-directory");
        File.WriteAllText(file, "");

        new ProbeCache(Path.Combine(file, "cache")).Write(key, RecordedProbes.Raw("linux-debian-3.11"));

        Assert.Null(new ProbeCache(Path.Combine(file, "cache")).TryRead(key));
    }

    [Fact]
    public void Without_HOME_or_XDG_CACHE_HOME_there_is_no_cache()
    {
        Assert.Null(ProbeCache.DefaultDirectory(Env()));
        Assert.Equal("/x/uvshim", ProbeCache.DefaultDirectory(Env(("XDG_CACHE_HOME", "/x"), ("HOME", "/h"))));
        Assert.Equal("/h/.cache/uvshim", ProbeCache.DefaultDirectory(Env(("XDG_CACHE_HOME", "relative"), ("HOME", "/h"))));
    }
}
