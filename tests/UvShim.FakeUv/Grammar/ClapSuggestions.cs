namespace UvShim.FakeUv.Grammar;

/// <summary>
/// clap's "did you mean" (clap_builder/src/parser/features/suggestions.rs): candidates whose Jaro similarity to the
/// input exceeds 0.7, in ascending similarity (ties in input order), so the caller's <c>pop()</c> is the best.
/// Jaro as in the strsim crate clap uses (<c>strsim::jaro</c>, over Unicode scalar values).
/// </summary>
internal static class ClapSuggestions
{
    public static List<string> DidYouMean(string value, IEnumerable<string> possibleValues)
    {
        var candidates = new List<(double Confidence, string Value)>();
        foreach (var possible in possibleValues)
        {
            var confidence = Jaro(value, possible);
            if (confidence > 0.7)
            {
                // binary_search_by(probe.0 > confidence ? Greater : Less): after every candidate not above it.
                var position = candidates.FindIndex(c => c.Confidence > confidence);
                candidates.Insert(position < 0 ? candidates.Count : position, (confidence, possible));
            }
        }
        return candidates.Select(c => c.Value).ToList();
    }

    public static double Jaro(string first, string second)
    {
        var a = first.EnumerateRunes().ToArray();
        var b = second.EnumerateRunes().ToArray();
        if (a.Length == 0 && b.Length == 0)
        {
            return 1.0;
        }
        if (a.Length == 0 || b.Length == 0)
        {
            return 0.0;
        }

        var searchRange = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var aFlags = new bool[a.Length];
        var bFlags = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var minBound = i > searchRange ? i - searchRange : 0;
            var maxBound = Math.Min(b.Length, i + searchRange + 1);
            for (var j = minBound; j < maxBound; j++)
            {
                if (a[i] == b[j] && !bFlags[j])
                {
                    aFlags[i] = true;
                    bFlags[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0.0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aFlags[i])
            {
                continue;
            }
            while (!bFlags[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                transpositions++;
            }
            k++;
        }
        transpositions /= 2;
        return (((double)matches / a.Length) + ((double)matches / b.Length) + ((double)(matches - transpositions) / matches)) / 3.0;
    }
}
