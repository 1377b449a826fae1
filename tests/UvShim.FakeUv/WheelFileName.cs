namespace UvShim.FakeUv;

/// <summary><c>{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl</c></summary>
internal sealed record WheelFileName(string Path, string Name, string Version)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    public string Display => $"{PackageName.Normalize(Name)}=={Version}";

    public static bool IsWheelPath(string operand) => operand.EndsWith(".whl", StringComparison.OrdinalIgnoreCase);

    public static WheelFileName Parse(string path)
    {
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        var parts = stem.Split('-');
        if (parts.Length is not (5 or 6))
        {
            throw new UvError($"The wheel filename \"{System.IO.Path.GetFileName(path)}\" is invalid: Must have a version");
        }
        return new WheelFileName(System.IO.Path.GetFullPath(path), parts[0], parts[1]);
    }
}
