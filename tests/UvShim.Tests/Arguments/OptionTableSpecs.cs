using UvShim.Arguments;

namespace UvShim.Tests.Arguments;

public class OptionTableSpecs
{
    public static TheoryData<string, string, string?> GlobalValueOptions => new()
    {
        { "--cache-dir /c", "--cache-dir", "/c" },
        { "--cache-dir=/c", "--cache-dir", "/c" },
        { "--config-file uv.toml", "--config-file", "uv.toml" },
        { "--directory /d", "--directory", "/d" },
        { "--project /p", "--project", "/p" },
        { "--color never", "--color", "never" },
        { "--allow-insecure-host h", "--allow-insecure-host", "h" },
        { "--trusted-host h", "--allow-insecure-host", "h" },
        { "--python-preference system", "--python-preference", "system" },
        { "--python-fetch never", "--python-fetch", "never" },
        { "--preview-features a,b", "--preview-features", "a,b" },
        { "--preview-feature a", "--preview-features", "a" },
        { "-q", "--quiet", null },
        { "-v", "--verbose", null },
        { "-n", "--no-cache", null },
        { "--no-cache-dir", "--no-cache", null },
        { "--no-config", "--no-config", null },
        { "--offline", "--offline", null },
        { "--no-progress", "--no-progress", null },
        { "--managed-python", "--managed-python", null },
        { "--system-certs", "--system-certs", null },
    };

    public static TheoryData<string, string, string, string?> GlobalsAtEachLevel()
    {
        var data = new TheoryData<string, string, string, string?>();
        foreach (var row in GlobalValueOptions)
        {
            var (global, name, value) = ((string)row[0], (string)row[1], (string?)row[2]);
            data.Add($"{global} pip install x", "before pip", name, value);
            data.Add($"pip {global} install x", "between pip and install", name, value);
            data.Add($"pip install {global} x", "after install", name, value);
            data.Add($"pip install x {global}", "after the package", name, value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GlobalsAtEachLevel))]
    public void Global_options_are_known_before_or_after_any_level(string line, string where, string name, string? value)
    {
        var args = Line.Parse(line);

        Assert.True(args.IsCommand("pip", "install"), where);
        var option = Line.Single(args, name);
        Assert.True(option.IsKnown, where);
        Assert.Equal(value, option.Value);
        Assert.Equal(["x"], args.Positionals.Select(p => p.Value));
    }

    [Theory]
    [InlineData("pip --cert ca.pem install x")]
    [InlineData("pip install --cert ca.pem x")]
    [InlineData("pip ls --cert=ca.pem")]
    [InlineData("pip sync --cert ca.pem r.txt")]
    public void Cert_is_global_below_pip(string line)
    {
        Assert.Equal("ca.pem", Line.Single(Line.Parse(line), "--cert").Value);
    }

    [Fact]
    public void Cert_is_unknown_above_pip()
    {
        var args = Line.Parse("--cert ca.pem pip install x");

        Assert.False(Line.Single(args, "--cert").IsKnown);
        Assert.Equal(["ca.pem"], args.Command);
    }

    [Theory]
    [InlineData("pip install --requirement r.txt", "--requirements")]
    [InlineData("pip install --constraint c.txt", "--constraints")]
    [InlineData("pip install --override o.txt", "--overrides")]
    [InlineData("pip install --exclude e.txt", "--excludes")]
    [InlineData("pip install --build-constraint b.txt", "--build-constraints")]
    [InlineData("pip install --force-reinstall x", "--reinstall")]
    [InlineData("pip install --compile x", "--compile-bytecode")]
    [InlineData("pip install --no-compile x", "--no-compile-bytecode")]
    [InlineData("pip install --config-settings k=v x", "--config-setting")]
    [InlineData("pip install -C k=v x", "--config-setting")]
    [InlineData("pip install --no-exact x", "--inexact")]
    [InlineData("pip install --trusted-host h x", "--allow-insecure-host")]
    [InlineData("pip install -i https://i x", "--index-url")]
    [InlineData("pip install -P x y", "--upgrade-package")]
    [InlineData("pip install -t /t x", "--target")]
    [InlineData("pip sync --force-reinstall r.txt", "--reinstall")]
    [InlineData("pip uninstall --requirement r.txt", "--requirements")]
    [InlineData("sync --no-exact", "--inexact")]
    [InlineData("export --no-install-project", "--no-emit-project")]
    [InlineData("export --no-install-package x", "--no-emit-package")]
    public void Aliases_resolve_to_the_canonical_name(string line, string name)
    {
        var option = Line.Single(Line.Parse(line), name);

        Assert.True(option.IsKnown);
    }

    [Theory]
    [InlineData("pip install -e ./pkg", "--editable", "./pkg")]
    [InlineData("pip list -e", "--editable", null)]
    [InlineData("pip install -f ./wheels x", "--find-links", "./wheels")]
    [InlineData("pip list -f ./wheels", "--find-links", "./wheels")]
    [InlineData("pip show -f x", "--files", null)]
    [InlineData("pip install --no-binary :all: x", "--no-binary", ":all:")]
    [InlineData("pip sync --no-binary :all: r.txt", "--no-binary", ":all:")]
    [InlineData("sync --no-binary", "--no-binary", null)]
    [InlineData("export --no-binary", "--no-binary", null)]
    [InlineData("pip install --exclude e.txt x", "--excludes", "e.txt")]
    [InlineData("pip freeze --exclude pip", "--exclude", "pip")]
    [InlineData("pip list --exclude pip", "--exclude", "pip")]
    [InlineData("pip sync -a r.txt", "--ask", null)]
    [InlineData("pip uninstall -y x", "--yes", null)]
    [InlineData("export -o out.txt", "--output-file", "out.txt")]
    [InlineData("pip freeze --path /site", "--path", "/site")]
    [InlineData("pip list --format json", "--format", "json")]
    [InlineData("export --format requirements.txt", "--format", "requirements.txt")]
    [InlineData("sync --group dev", "--group", "dev")]
    [InlineData("pip sync --python-executable /x r.txt", "--python-executable", "/x")]
    public void Options_follow_the_table_of_their_own_command(string line, string name, string? value)
    {
        var option = Line.Single(Line.Parse(line), name);

        Assert.True(option.IsKnown);
        Assert.Equal(value, option.Value);
        Assert.Equal(value is not null, option.TakesValue);
    }

    [Theory]
    [InlineData("pip install --user x")]
    [InlineData("pip sync --user r.txt")]
    [InlineData("pip uninstall --user x")]
    [InlineData("pip list --user")]
    [InlineData("pip ls --user")]
    [InlineData("pip freeze --user")]
    [InlineData("pip show --user x")]
    public void User_is_a_known_flag_wherever_uvshim_implements_it(string line)
    {
        var option = Line.Single(Line.Parse(line), "--user");

        Assert.True(option.IsKnown);
        Assert.False(option.TakesValue);
    }

    public static TheoryData<string> AllTables => new()
    {
        "TopLevel", "PipNamespace", "PipInstall", "PipSync", "PipUninstall", "PipList", "PipFreeze", "PipShow", "Sync", "Export",
    };

    [Theory]
    [MemberData(nameof(AllTables))]
    public void Every_table_builds_and_contains_the_globals(string name)
    {
        var table = name switch
        {
            "TopLevel" => UvOptionTables.TopLevel,
            "PipNamespace" => UvOptionTables.PipNamespace,
            "PipInstall" => UvOptionTables.PipInstall,
            "PipSync" => UvOptionTables.PipSync,
            "PipUninstall" => UvOptionTables.PipUninstall,
            "PipList" => UvOptionTables.PipList,
            "PipFreeze" => UvOptionTables.PipFreeze,
            "PipShow" => UvOptionTables.PipShow,
            "Sync" => UvOptionTables.Sync,
            _ => UvOptionTables.Export,
        };

        // Same shape rather than same instance: pip sync redeclares --no-config, and clap then keeps its own.
        Assert.All(GlobalOptions.All, g => Assert.True(table.FindLong(g.Name)?.HasSameShape(g), g.Name));
        Assert.Same(GlobalOptions.Help, table.FindShort('h'));
        Assert.Equal(name == "TopLevel", table.FindShort('V') is not null);
        Assert.Equal(name.StartsWith("Pip", StringComparison.Ordinal), table.FindLong("--cert") is not null);
    }

    [Theory]
    [InlineData("pip sync --disable-pip-version-check r.txt")]
    [InlineData("pip install --ask x")]
    [InlineData("pip install -y x")]
    [InlineData("pip uninstall --no-deps x")]
    public void Flags_of_another_pip_subcommand_are_unknown(string line)
    {
        Assert.False(Line.Parse(line).Options.Single().IsKnown);
    }

    [Fact]
    public void Every_flag_of_pip_install_sync_and_uninstall_is_known()
    {
        string[] installFlags =
        [
            "--no-editable", "--all-extras", "--no-all-extras", "--no-index", "-U", "--upgrade", "--no-upgrade",
            "--reinstall", "--no-reinstall", "--pre", "--no-build-isolation", "--build-isolation",
            "--compile-bytecode", "--no-compile-bytecode", "--no-sources", "--refresh", "--no-refresh",
            "--no-deps", "--deps", "--require-hashes", "--no-require-hashes", "--verify-hashes", "--no-verify-hashes",
            "--system", "--no-system", "--break-system-packages", "--no-break-system-packages", "--no-build", "--build",
            "--inexact", "--exact", "--strict", "--no-strict", "--dry-run", "--disable-pip-version-check", "--user",
        ];
        string[] syncOnlyFlags = ["--allow-empty-requirements", "--no-allow-empty-requirements", "-a", "--ask", "--no-config"];
        string[] uninstallFlags =
        [
            "--system", "--no-system", "--break-system-packages", "--no-break-system-packages", "--dry-run", "-y", "--yes",
            "--disable-pip-version-check", "--user",
        ];

        AssertKnownFlags("pip install", installFlags);
        AssertKnownFlags("pip sync", [.. installFlags.Except(["--no-editable", "-U", "--upgrade", "--no-upgrade", "--pre", "--no-deps", "--deps", "--inexact", "--exact", "--disable-pip-version-check"]), .. syncOnlyFlags]);
        AssertKnownFlags("pip uninstall", uninstallFlags);
    }

    private static void AssertKnownFlags(string command, string[] flags)
    {
        foreach (var flag in flags)
        {
            var args = Line.Parse($"{command} {flag} x");
            var option = Assert.Single(args.Options);
            Assert.True(option.IsKnown, $"{command} {flag}");
            Assert.False(option.TakesValue, $"{command} {flag}");
            Assert.Equal(["x"], args.Positionals.Select(p => p.Value));
        }
    }
}
