using System.Runtime.Versioning;
using UvShim.FakeUv;
using UvShim.FakeUv.Grammar;

namespace UvShim.Tests.FakeUv;

/// <summary>Test helpers: run the strict parser on a command line written as one space-separated string (without <c>uv</c>).</summary>
[SupportedOSPlatform("linux")]
internal static class StrictParse
{
    public const string Accepted = "accepted";

    public static string[] Split(string line) => line.Length == 0 ? [] : line.Split(' ');

    /// <summary><see cref="Accepted"/>, or the first line uv would print: <c>error: …</c>; <c>help</c>, <c>version</c> (stdout,
    /// exit 0), <c>help on stderr</c> (nothing given where a subcommand is required: exit 2).</summary>
    public static string Outcome(ClapCommand root, string line, params (string Name, string Value)[] environment) =>
        Outcome(root, Split(line), environment);

    public static string Outcome(ClapCommand root, string[] arguments, params (string Name, string Value)[] environment)
    {
        try
        {
            Parse(root, arguments, environment);
            return Accepted;
        }
        catch (ClapError e) when (e.Kind is ClapErrorKind.DisplayHelp or ClapErrorKind.DisplayVersion or ClapErrorKind.DisplayHelpOnMissingArgumentOrSubcommand)
        {
            return e.Kind switch
            {
                ClapErrorKind.DisplayVersion => "version",
                ClapErrorKind.DisplayHelp => "help",
                _ => "help on stderr",
            };
        }
        catch (ClapError e)
        {
            return e.FirstLine;
        }
        catch (UvError e)
        {
            return "error: " + e.Message;
        }
    }

    public static ParsedCommandLine Parse(ClapCommand root, string line, params (string Name, string Value)[] environment) =>
        Parse(root, Split(line), environment);

    public static ParsedCommandLine Parse(ClapCommand root, string[] arguments, params (string Name, string Value)[] environment) =>
        UvParser.Parse(root, arguments, Lookup(environment));

    public static ClapError Error(ClapCommand root, string line, params (string Name, string Value)[] environment) =>
        Assert.Throws<ClapError>(() => Parse(root, line, environment));

    public static Func<string, string?> Lookup((string Name, string Value)[] environment) =>
        name => environment.LastOrDefault(e => e.Name == name).Value;
}
