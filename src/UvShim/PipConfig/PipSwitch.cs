namespace UvShim.PipConfig;

/// <summary>The effective value of one of pip's boolean options from its configuration, and what set it.</summary>
/// <param name="Source">Where it came from, as a person would find it: <c>PIP_USER=1</c>, <c>user = true in /etc/pip.conf [install]</c>.</param>
internal sealed record PipSwitch(bool Value, string Source);
