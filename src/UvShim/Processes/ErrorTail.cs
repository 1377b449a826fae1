namespace UvShim.Processes;

/// <summary>The last bytes of a stream, in a ring buffer.</summary>
internal sealed class ErrorTail(int capacity)
{
    private readonly byte[] _kept = new byte[capacity];
    private long _total;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            _kept[(int)(_total++ % capacity)] = b;
    }

    public byte[] Bytes
    {
        get
        {
            if (_total <= capacity)
                return _kept[..(int)_total];
            var start = (int)(_total % capacity);
            return [.. _kept.AsSpan(start), .. _kept.AsSpan(0, start)];
        }
    }
}
