namespace UvShim.FakeUv;

/// <summary>Where each part of a wheel goes (uv 0.12.5 crates/uv-install-wheel), and which directories hold installed distributions.</summary>
internal sealed record InstallScheme(
    string Purelib,
    string Platlib,
    string Scripts,
    string Data,
    string Headers,
    IReadOnlyList<string> SitePackages)
{
    /// <summary><c>--target DIR</c>: everything in DIR, scripts in DIR/bin (on every OS).</summary>
    public static InstallScheme ForTarget(string directory) =>
        new(directory, directory, Path.Combine(directory, "bin"), directory, Path.Combine(directory, "include"), [directory]);

    /// <summary><c>--prefix DIR</c>: the interpreter's virtualenv scheme under DIR; only purelib is scanned.</summary>
    public static InstallScheme ForPrefix(string directory, PythonInterpreter python)
    {
        string Under(string key) => Path.Combine(directory, python.VirtualEnvScheme[key]);
        var purelib = Under("purelib");
        return new InstallScheme(
            purelib,
            Under("platlib"),
            Under("scripts"),
            Under("data"),
            Path.Combine(directory, "include", "site", "python" + python.MajorMinor),
            [purelib]);
    }

    /// <summary>No target, no prefix: the interpreter's own install scheme.</summary>
    public static InstallScheme ForInterpreter(PythonInterpreter python)
    {
        var s = python.Scheme;
        return new InstallScheme(
            s["purelib"],
            s["platlib"],
            s["scripts"],
            s["data"],
            s["include"],
            new[] { s["purelib"], s["platlib"] }.Distinct().ToList());
    }

    /// <summary>uv's <c>is_path_in_scheme</c>: inside data, purelib, platlib, scripts or include (whole path components).</summary>
    public bool Contains(string absolutePath) =>
        new[] { Data, Purelib, Platlib, Scripts, Headers }.Any(root => IsAtOrBelow(absolutePath, root));

    private static bool IsAtOrBelow(string path, string root)
    {
        root = root.TrimEnd('/');
        return root.Length == 0 || path == root || path.StartsWith(root + "/", StringComparison.Ordinal);
    }

    public string DirectoryFor(string dataKey) =>
        dataKey switch
        {
            "purelib" => Purelib,
            "platlib" => Platlib,
            "scripts" => Scripts,
            "data" => Data,
            "headers" => Headers,
            _ => throw new InvalidDataException($"unknown wheel data directory `{dataKey}`"),
        };
}
