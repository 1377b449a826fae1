namespace UvShim.Decision;

/// <summary>An interpreter's EXTERNALLY-MANAGED marker (PEP 668) and the text it asks to show.</summary>
internal sealed record ExternallyManaged(string MarkerPath, string ErrorText);
