namespace Jarvis.Protocol.Link.Messages;

/// <summary>The answer to a ping. The pinger notes T3 on arrival and feeds (T0, T1, T2, T3) to <see cref="ClockSync"/>.</summary>
/// <param name="T0">The ping's T0, echoed.</param>
/// <param name="T1">The answerer's clock when the ping arrived, µs.</param>
/// <param name="T2">The answerer's clock when sending the pong, µs.</param>
public sealed record PongMessage(long T0, long T1, long T2) : LinkMessage
{
    internal override string? Validate() =>
        T0 < 0 || T1 < 0 || T2 < T1 ? "pong needs t0 >= 0 and 0 <= t1 <= t2" : null;
}
