using System.Runtime.InteropServices;
using System.Text;

namespace UvShim.Native;

/// <summary>Native memory for one C call (argv arrays, strings, opaque structs), freed together.</summary>
internal sealed unsafe class NativeArena : IDisposable
{
    private readonly List<nint> _allocations = [];

    public void* Zeroed(int size)
    {
        var memory = NativeMemory.AllocZeroed((nuint)size);
        _allocations.Add((nint)memory);
        return memory;
    }

    /// <summary>The bytes with a NUL after them.</summary>
    public byte* String(ReadOnlySpan<byte> bytes)
    {
        var memory = (byte*)Zeroed(bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(memory, bytes.Length));
        return memory;
    }

    public byte* String(string text) => String(Encoding.UTF8.GetBytes(text));

    /// <summary>A NULL-terminated array of C strings, as argv and envp are.</summary>
    public byte** Strings(IReadOnlyList<byte[]> items)
    {
        var array = (byte**)Zeroed((items.Count + 1) * sizeof(byte*));
        for (var i = 0; i < items.Count; i++)
            array[i] = String(items[i]);
        return array;
    }

    public void Dispose()
    {
        foreach (var allocation in _allocations)
            NativeMemory.Free((void*)allocation);
        _allocations.Clear();
    }
}
