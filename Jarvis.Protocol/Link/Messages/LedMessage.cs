namespace Jarvis.Protocol.Link.Messages;

/// <summary>Server → satellite, what the LEDs should show (the satellite shows muted/disconnected on its own).</summary>
/// <param name="State">The LED state.</param>
public sealed record LedMessage(LedState State) : LinkMessage;
