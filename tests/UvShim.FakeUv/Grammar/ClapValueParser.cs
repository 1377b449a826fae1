using System.Globalization;
using System.Numerics;

namespace UvShim.FakeUv.Grammar;

/// <summary>
/// The value checks of clap's value parsers (clap_builder/src/builder/value_parser.rs) that the grammar names:
/// <list type="bullet">
/// <item><c>enum:</c>/<c>possibleValues</c>: one of the possible values (<c>invalid value 'yaml' for '--format &lt;FORMAT&gt;'</c>
/// and the list; <c>ignore_case</c> honoured); an empty value reads "a value is required for … but none was supplied";</item>
/// <item><c>number:&lt;type&gt;</c>: Rust's integer parsing (<c>invalid digit found in string</c>, …) and, for the types
/// clap parses through <c>RangedI64ValueParser</c>, its range (<c>300 is not in 0..=255</c>);</item>
/// <item><c>path</c>, <c>nonEmptyString</c> and others the grammar marks: "" is "a value is required …";</item>
/// <item><c>unknownArgument:--x</c>: any use is "unexpected argument" with the suggestion (uv's <c>--backend</c>);</item>
/// <item>a flag's value, which only an environment variable can give: <c>boolish</c> takes clap's true/false words
/// (<c>y yes t true on 1</c> / <c>n no f false off 0</c>, any case, untrimmed), <c>falsey</c> anything, <c>bool</c>
/// only <c>true</c> and <c>false</c>.</item>
/// </list>
/// Not reproduced: uv's own parsers (<c>fn:</c>, <c>fromStr:</c>, <c>factory:</c>, <c>external:</c>: file paths, versions,
/// URLs, …), which accept anything here.
/// </summary>
internal static class ClapValueParser
{
    // clap_builder/src/util/str_to_bool.rs
    private static readonly string[] TrueLiterals = ["y", "yes", "t", "true", "on", "1"];
    private static readonly string[] FalseLiterals = ["n", "no", "f", "false", "off", "0"];

    public static void Check(ClapCommand command, ClapArg arg, string value)
    {
        var (kind, detail) = Kind(arg);
        switch (kind)
        {
            case "unknownArgument":
                throw ClapError.UnknownArgument(arg.Display, (detail, null), suggestTrailing: false, new ClapUsage(command).CreateUsageWithTitle([]));
            case "boolish":
                if (ToBool(value) is null)
                {
                    throw ClapError.ValueValidation(arg.Display, value, "value was not a boolean");
                }
                return;
            case "falsey" or "count":
                return;
            case "bool":
                if (value is not ("true" or "false"))
                {
                    throw ClapError.InvalidValue(value, ["true", "false"], arg.Display);
                }
                return;
            case "number":
                CheckNumber(arg, value, detail);
                return;
        }
        if (arg.PossibleValues is { } possible)
        {
            var comparison = arg.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            if (!possible.Contains(value, comparison))
            {
                throw ClapError.InvalidValue(value, possible, arg.Display);
            }
            return;
        }
        if (arg.RejectsEmpty && value.Length == 0)
        {
            throw ClapError.EmptyValue([], arg.Display);
        }
    }

    /// <summary>clap's <c>str_to_bool</c>: null when the word is neither true nor false.</summary>
    public static bool? ToBool(string value)
    {
        var word = value.ToLowerInvariant();
        return TrueLiterals.Contains(word) ? true : FalseLiterals.Contains(word) ? false : null;
    }

    // The grammar's parser name; without one (a grammar built in code), what the action and flags imply.
    private static (string Kind, string Detail) Kind(ClapArg arg)
    {
        if (arg.Action == ClapAction.Count)
        {
            return ("count", "");
        }
        if (arg.ValueParser is { } name)
        {
            var colon = name.IndexOf(':');
            return colon < 0 ? (name, "") : (name[..colon], name[(colon + 1)..]);
        }
        return arg.Action is ClapAction.SetTrue or ClapAction.SetFalse ? (arg.EnvBoolish ? "boolish" : "bool", "") : ("", "");
    }

    private static void CheckNumber(ClapArg arg, string value, string type)
    {
        var (minimum, maximum, ranged) = type switch
        {
            "u8" => (byte.MinValue, byte.MaxValue, true),
            "i8" => (sbyte.MinValue, sbyte.MaxValue, true),
            "u16" => (ushort.MinValue, ushort.MaxValue, true),
            "i16" => (short.MinValue, short.MaxValue, true),
            "u32" => (uint.MinValue, uint.MaxValue, true),
            "i32" => (int.MinValue, int.MaxValue, true),
            "i64" => (long.MinValue, long.MaxValue, true),
            "u64" or "usize" => (BigInteger.Zero, new BigInteger(ulong.MaxValue), false),
            "isize" => (long.MinValue, long.MaxValue, false),
            _ => (BigInteger.Zero, BigInteger.Zero, false),
        };
        if (minimum == maximum)
        {
            return;
        }
        // RangedI64ValueParser parses as i64 first; u64 and FromStr types parse as themselves.
        var (parseMinimum, parseMaximum) = ranged ? (new BigInteger(long.MinValue), new BigInteger(long.MaxValue)) : (minimum, maximum);
        if (ParseInteger(value, signed: parseMinimum < 0, parseMinimum, parseMaximum) is { } problem)
        {
            throw ClapError.ValueValidation(arg.Display, value, problem);
        }
        var number = BigInteger.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (ranged && (number < minimum || number > maximum))
        {
            throw ClapError.ValueValidation(arg.Display, value, $"{number} is not in {minimum}..={maximum}");
        }
    }

    // Rust's `str::parse` for integers: an optional sign ('-' only for signed types), then ASCII digits.
    private static string? ParseInteger(string value, bool signed, BigInteger minimum, BigInteger maximum)
    {
        if (value.Length == 0)
        {
            return "cannot parse integer from empty string";
        }
        var digits = value[0] == '+' || (signed && value[0] == '-') ? value[1..] : value;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return "invalid digit found in string";
        }
        var number = BigInteger.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return number > maximum ? "number too large to fit in target type" : number < minimum ? "number too small to fit in target type" : null;
    }
}
