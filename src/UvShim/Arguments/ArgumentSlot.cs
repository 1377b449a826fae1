namespace UvShim.Arguments;

/// <summary>
/// One token of a rebuilt command line. <see cref="OriginalIndex"/> &gt;= 0 means the original token at
/// that index, untouched (the exec layer passes its original bytes); -1 means a new or rewritten token
/// whose text is <see cref="Text"/>.
/// </summary>
public readonly record struct ArgumentSlot(int OriginalIndex, string Text)
{
    /// <summary>True when this slot is an original token passed on unchanged.</summary>
    public bool IsOriginal => OriginalIndex >= 0;
}
