namespace Jarvis.Fuzz.Support;

/// <summary>
/// Several WebSocket messages in one fuzz input: each is a two-byte big-endian length and that many bytes; the rest of
/// the input, when shorter than its length says, is the last message.
/// </summary>
internal static class Messages
{
    public static void ForEach<TState>(ReadOnlySpan<byte> input, TState state, MessageAction<TState> action)
    {
        while (input.Length >= 2)
        {
            var length = Math.Min((input[0] << 8) | input[1], input.Length - 2);
            action(state, input.Slice(2, length));
            input = input[(2 + length)..];
        }
    }

    public static byte[] Join(params byte[][] messages) =>
        [.. messages.SelectMany(m => (IEnumerable<byte>)[(byte)(m.Length >> 8), (byte)m.Length, .. m])];
}

internal delegate void MessageAction<in TState>(TState state, ReadOnlySpan<byte> message);
