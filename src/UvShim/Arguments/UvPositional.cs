namespace UvShim.Arguments;

/// <summary>A positional value of a parsed command (a package spec, a requirements file of <c>pip sync</c>, ...).</summary>
public readonly record struct UvPositional(string Value, int TokenIndex, bool AfterDoubleDash);
