using System.CommandLine;
using UvShim.Output;

namespace UvShim.Commands;

/// <summary>
/// uvshim's own commands, <c>uvshim shim &lt;verb&gt;</c>. System.CommandLine parses only the verb
/// and its options: it drops <c>--</c> and eats <c>--help</c> and <c>@file</c>, so the uv
/// arguments of <c>explain</c> are sliced off before it sees them.
/// </summary>
internal static class ShimCommand
{
    public static int Run(string[] args)
    {
        string[] uvArguments = [];
        var verbArguments = args;
        if (args is ["explain", ..])
        {
            uvArguments = args[1..];
            verbArguments = ["explain"];
        }

        var root = Build(uvArguments);
        var result = root.Parse(verbArguments, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0)
        {
            StdErr.Line(result.Errors[0].Message + " (uvshim shim help lists the commands)");
            return 2;
        }
        return result.Invoke();
    }

    private static RootCommand Build(string[] uvArguments)
    {
        var root = new RootCommand("uvshim's own commands. Everything else uvshim is given goes to uv.");
        root.Directives.Clear();

        var explain = new Command("explain", "Print what uvshim would do with a uv command line, and run nothing.")
        {
            new Argument<string[]>("uv-arguments") { Arity = ArgumentArity.ZeroOrMore, Description = "the uv command line, without 'uv'" },
        };
        explain.SetAction(_ => ExplainCommand.Run(uvArguments));

        var doctorPython = new Option<string>("--python", "-p") { Description = "also check this interpreter (a path, a directory, a name on PATH or a version such as 3.12)" };
        var doctorJson = new Option<bool>("--json") { Description = "print one JSON object instead of text" };
        var doctor = new Command("doctor", "Show what uvshim sees: the real uv, the interpreters, the user site, configuration and cache. Exit 1 if something stops uvshim.")
        {
            doctorPython,
            doctorJson,
        };
        doctor.SetAction(result => DoctorCommand.Run(result.GetValue(doctorPython), result.GetValue(doctorJson)));

        var version = new Command("version", "Print uvshim's version.");
        version.SetAction(_ =>
        {
            StdOut.Write($"uvshim {ShimVersion.Text}\n");
            return 0;
        });

        var help = new Command("help", "Show the commands and settings.");
        help.SetAction(_ =>
        {
            StdOut.Write(HelpText.Render());
            return 0;
        });

        root.Subcommands.Add(explain);
        root.Subcommands.Add(doctor);
        root.Subcommands.Add(version);
        root.Subcommands.Add(help);
        root.SetAction(_ =>
        {
            StdOut.Write(HelpText.Render());
            return 0;
        });
        return root;
    }
}
