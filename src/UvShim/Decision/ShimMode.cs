namespace UvShim.Decision;

/// <summary>README, "Configuration": the mode setting.</summary>
internal enum ShimMode
{
    /// <summary>pip's behaviour: the user site when site-packages is not writable, or on <c>--user</c>.</summary>
    Auto,
    /// <summary>The user site whenever the target is a system interpreter, writable or not.</summary>
    Always,
    /// <summary>Hand everything over untouched; an explicit <c>--user</c> still works.</summary>
    Off,
}
