using System.Collections.Concurrent;
using System.Diagnostics;

namespace Jarvis.PersonaPlex.Emulator;

/// <summary>What one client connection did, for tests to inspect.</summary>
public sealed class SessionRecord
{
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _phase;
    private int _steps;
    private int _discarded;
    private volatile string? _endReason;
    private long _handshakeSent;

    public SessionRecord(IReadOnlyDictionary<string, string> query)
    {
        Query = query;
    }

    public IReadOnlyDictionary<string, string> Query { get; }

    public SessionPhase Phase => (SessionPhase)_phase;

    /// <summary>Model steps run in the conversation (= audio pages sent).</summary>
    public int Steps => Volatile.Read(ref _steps);

    /// <summary>Client messages eaten during the prompt phase.</summary>
    public int DiscardedDuringPrompt => Volatile.Read(ref _discarded);

    /// <summary>Every Opus packet decoded from the client, byte for byte, in order.</summary>
    public ConcurrentQueue<byte[]> DecodedPackets { get; } = new();

    /// <summary>Every Opus packet the session sent in its audio pages (one per model step), in order (with <see cref="EmulatorOptions.RecordPackets"/>).</summary>
    public ConcurrentQueue<byte[]> SentPackets { get; } = new();

    /// <summary>Every packet decoded from the client in the conversation: its arrival time and its samples, in order.</summary>
    public ConcurrentQueue<InputArrival> InputArrivals { get; } = new();

    /// <summary>Every audio page of the conversation: when it was sent and how loud it was, in order.</summary>
    public ConcurrentQueue<StepOutput> Outputs { get; } = new();

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the handshake was sent (0 before): the conversation's time zero.</summary>
    public long HandshakeSent => Interlocked.Read(ref _handshakeSent);

    /// <summary>
    /// How far the client's input ran ahead of the wall clock at worst: over every packet, the audio received up to and
    /// including it minus the time from the handshake to its arrival. A client on a real-time clock stays within a packet of
    /// zero; audio held during the prompt phase and sent at the handshake shows up as its length.
    /// </summary>
    public TimeSpan MaxInputAhead()
    {
        var started = HandshakeSent;
        var audio = TimeSpan.Zero;
        var worst = TimeSpan.MinValue;
        foreach (var arrival in InputArrivals)
        {
            audio += TimeSpan.FromSeconds(arrival.Samples / 24000.0);
            var ahead = audio - Stopwatch.GetElapsedTime(started, arrival.Timestamp);
            worst = ahead > worst ? ahead : worst;
        }

        return worst == TimeSpan.MinValue ? TimeSpan.Zero : worst;
    }

    /// <summary>
    /// The largest burst of input: the deepest backlog a consumer taking the input at exactly real time would have had (each
    /// packet adds its duration, the wall time between arrivals drains it). PersonaPlex answers a burst with a burst of output.
    /// A client that keeps real time stays at about one packet; a late client catching up shows up here, not in
    /// <see cref="MaxInputAhead"/>.
    /// </summary>
    public TimeSpan MaxInputBurst()
    {
        var backlog = TimeSpan.Zero;
        var worst = TimeSpan.Zero;
        var previous = 0L;
        foreach (var arrival in InputArrivals)
        {
            if (previous != 0)
            {
                backlog -= Stopwatch.GetElapsedTime(previous, arrival.Timestamp);
                backlog = backlog < TimeSpan.Zero ? TimeSpan.Zero : backlog;
            }

            previous = arrival.Timestamp;
            backlog += TimeSpan.FromSeconds(arrival.Samples / 24000.0);
            worst = backlog > worst ? backlog : worst;
        }

        return worst;
    }

    /// <summary>Completes with the reason once the session is over ("client closed", "bad Ogg stream: bad CRC", "aborted: seed parameter", …).</summary>
    public Task<string> Ended => _ended.Task;

    public string? EndReason => _endReason;

    internal void Enter(SessionPhase phase) => _phase = (int)phase;

    internal void HandshakeSending() => Interlocked.Exchange(ref _handshakeSent, Stopwatch.GetTimestamp());

    internal void CountStep(double loudestDbfs, double onsetMilliseconds)
    {
        Outputs.Enqueue(new StepOutput(Stopwatch.GetTimestamp(), loudestDbfs, onsetMilliseconds));
        Interlocked.Increment(ref _steps);
    }

    internal void CountDiscarded() => Interlocked.Increment(ref _discarded);

    internal void End(string reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
        {
            _phase = (int)SessionPhase.Ended;
            _ended.TrySetResult(reason);
        }
    }
}
