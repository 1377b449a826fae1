using System.Globalization;

namespace UvShim.FakeUv;

/// <summary>Enough of PEP 440 ordering for sorting installed versions: release numbers compared numerically, the rest as text.</summary>
internal static class PackageVersion
{
    public static int Compare(string a, string b)
    {
        var (releaseA, restA) = Split(a);
        var (releaseB, restB) = Split(b);
        for (var i = 0; i < Math.Max(releaseA.Count, releaseB.Count); i++)
        {
            var x = i < releaseA.Count ? releaseA[i] : 0;
            var y = i < releaseB.Count ? releaseB[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }
        return string.CompareOrdinal(restA, restB);
    }

    private static (List<long> Release, string Suffix) Split(string version)
    {
        var release = new List<long>();
        var position = 0;
        foreach (var part in version.Split('.'))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                break;
            }
            release.Add(number);
            position += part.Length + 1;
        }
        return (release, position >= version.Length ? "" : version[position..]);
    }
}
