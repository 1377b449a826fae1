using System.Text;

namespace UvShim.FakeUv.Grammar;

/// <summary>
/// What <c>-h</c>/<c>--help</c> prints: not uv's help text (its descriptions are not in the grammar), only the usage
/// line, the subcommands and the visible arguments, so a test can tell which level answered.
/// </summary>
internal static class ClapHelp
{
    public static string Render(ClapCommand command)
    {
        var text = new StringBuilder();
        text.Append(new ClapUsage(command).CreateUsageWithTitle([])).Append('\n');
        var subcommands = command.SubcommandNames.Where(s => !s.Hidden).Select(s => s.Name).ToList();
        if (subcommands.Count > 0)
        {
            text.Append("\nCommands:\n");
            foreach (var name in subcommands)
            {
                text.Append("  ").Append(name).Append('\n');
            }
        }
        var visible = command.Args.Where(a => !a.IsHidden).ToList();
        if (visible.Count > 0)
        {
            text.Append("\nArguments and options:\n");
            foreach (var arg in visible)
            {
                var shortName = arg.Short is { } letter && arg.Long is not null ? $"-{letter}, " : "";
                text.Append("  ").Append(shortName).Append(arg.Display).Append('\n');
            }
        }
        text.Append("\n(fake uv: uv's help text is not reproduced)\n");
        return text.ToString();
    }
}
