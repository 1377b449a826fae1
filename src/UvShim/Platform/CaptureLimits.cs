namespace UvShim.Platform;

/// <summary>How long a captured child may run, and how much of its output is kept.</summary>
/// <param name="MaxOutputBytes">More stdout than this stops the child: what prints endlessly would otherwise fill memory until the timeout.</param>
/// <param name="KeptErrorBytes">Only the end of stderr is kept, for the last line of a failure.</param>
internal readonly record struct CaptureLimits(TimeSpan Timeout, int MaxOutputBytes, int KeptErrorBytes);
