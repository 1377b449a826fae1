namespace UvShim.FakeUv.Grammar;

/// <summary>
/// The value checks clap's value parsers make that the grammar records (clap_builder/src/builder/value_parser.rs):
/// <list type="bullet">
/// <item>a <c>ValueEnum</c>: one of its names (<c>invalid value 'yaml' for '--format &lt;FORMAT&gt;'</c> and the list);
/// an empty value reads "a value is required for … but none was supplied";</item>
/// <item>parsers that reject <c>""</c> (<c>PathBuf</c>, numbers, …): "a value is required for … but none was supplied";</item>
/// <item>a flag's value, which only an environment variable can give: <c>BoolishValueParser</c> takes clap's
/// true/false words (<c>y yes t true on 1</c> / <c>n no f false off 0</c>, any case, untrimmed), the default
/// <c>BoolValueParser</c> only <c>true</c> and <c>false</c>.</item>
/// </list>
/// Not reproduced: uv's own parsers (<c>parse_file_path</c>, <c>PythonVersion</c>, URLs, …) beyond "rejects empty".
/// </summary>
internal static class ClapValueParser
{
    // clap_builder/src/util/str_to_bool.rs
    private static readonly string[] TrueLiterals = ["y", "yes", "t", "true", "on", "1"];
    private static readonly string[] FalseLiterals = ["n", "no", "f", "false", "off", "0"];

    public static void Check(ClapArg arg, string value)
    {
        switch (arg.Action)
        {
            case ClapAction.SetTrue or ClapAction.SetFalse when arg.EnvBoolish:
                if (ToBool(value) is null)
                {
                    throw ClapError.ValueValidation(arg.Display, value, "value was not a boolean");
                }
                break;
            case ClapAction.SetTrue or ClapAction.SetFalse:
                if (value is not ("true" or "false"))
                {
                    throw ClapError.InvalidValue(value, ["true", "false"], arg.Display);
                }
                break;
            case ClapAction.Set or ClapAction.Append when arg.PossibleValues is { } possible:
                if (!possible.Contains(value))
                {
                    throw ClapError.InvalidValue(value, possible, arg.Display);
                }
                break;
            case ClapAction.Set or ClapAction.Append when arg.RejectsEmpty && value.Length == 0:
                throw ClapError.EmptyValue([], arg.Display);
        }
    }

    /// <summary>clap's <c>str_to_bool</c>: null when the word is neither true nor false.</summary>
    public static bool? ToBool(string value)
    {
        var word = value.ToLowerInvariant();
        return TrueLiterals.Contains(word) ? true : FalseLiterals.Contains(word) ? false : null;
    }
}
