namespace UvShim.Arguments;

/// <summary>How an option occurrence was written; the editor keeps this form when it rewrites a value.</summary>
public enum OptionForm
{
    /// <summary><c>--flag</c></summary>
    LongFlag,

    /// <summary><c>--opt value</c> (or <c>--opt</c> with its value missing)</summary>
    LongSeparate,

    /// <summary><c>--opt=value</c></summary>
    LongEquals,

    /// <summary><c>-q</c></summary>
    ShortFlag,

    /// <summary><c>-p value</c> (or <c>-p</c> with its value missing)</summary>
    ShortSeparate,

    /// <summary><c>-pvalue</c></summary>
    ShortAttached,

    /// <summary><c>-p=value</c></summary>
    ShortEquals,

    /// <summary>A flag letter inside a bundle, e.g. <c>q</c> or <c>U</c> in <c>-qU</c>.</summary>
    BundledFlag,

    /// <summary>The last letter of a bundle taking the next token, e.g. <c>-qp value</c>.</summary>
    BundledSeparate,

    /// <summary>The last letter of a bundle with its value attached, e.g. <c>-qpvalue</c>.</summary>
    BundledAttached,

    /// <summary>The last letter of a bundle with <c>=value</c>, e.g. <c>-qp=value</c>.</summary>
    BundledEquals,
}
