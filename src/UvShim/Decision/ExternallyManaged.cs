namespace UvShim.Decision;

/// <summary>An interpreter's EXTERNALLY-MANAGED marker (PEP 668) and the text it asks to show.</summary>
/// <param name="Unreadable">pip could not parse or decode the marker: it warns <c>Failed to read …</c> and shows its default text.</param>
internal sealed record ExternallyManaged(string MarkerPath, string ErrorText, bool Unreadable = false);
