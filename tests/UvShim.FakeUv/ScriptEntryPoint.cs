namespace UvShim.FakeUv;

/// <summary>A console or GUI script from <c>entry_points.txt</c>: <c>name = module:object.attr</c>.</summary>
internal sealed record ScriptEntryPoint(string Name, string Module, string Attribute)
{
    public static IReadOnlyList<ScriptEntryPoint> Parse(string text)
    {
        var result = new List<ScriptEntryPoint>();
        var section = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']').Trim();
                continue;
            }
            if (section is not ("console_scripts" or "gui_scripts"))
            {
                continue;
            }
            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            var target = line[(equals + 1)..].Split('[')[0].Trim();
            var colon = target.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            result.Add(new ScriptEntryPoint(line[..equals].Trim(), target[..colon].Trim(), target[(colon + 1)..].Trim()));
        }
        return result;
    }

    /// <summary>The launcher uv writes on Unix: a shebang naming the installing interpreter, then a small Python stub.</summary>
    public string Launcher(string interpreter)
    {
        var importName = Attribute.Split('.')[0];
        return $$"""
            {{Shebang(interpreter)}}
            # -*- coding: utf-8 -*-
            import sys
            from {{Module}} import {{importName}}
            if __name__ == "__main__":
                if sys.argv[0].endswith("-script.pyw"):
                    sys.argv[0] = sys.argv[0][:-11]
                elif sys.argv[0].endswith(".exe"):
                    sys.argv[0] = sys.argv[0][:-4]
                sys.exit({{Attribute}}())

            """;
    }

    /// <summary><c>#!&lt;python&gt;</c>; paths with spaces or too long for the kernel use the <c>/bin/sh</c> trampoline.</summary>
    public static string Shebang(string interpreter) =>
        interpreter.Contains(' ') || interpreter.Length > 125
            ? $"#!/bin/sh\n'''exec' '{interpreter}' \"$0\" \"$@\"\n' '''"
            : "#!" + interpreter;
}
