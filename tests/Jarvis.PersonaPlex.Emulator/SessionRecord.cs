using System.Collections.Concurrent;

namespace Jarvis.PersonaPlex.Emulator;

/// <summary>What one client connection did, for tests to inspect.</summary>
public sealed class SessionRecord
{
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _phase;
    private int _steps;
    private int _discarded;
    private volatile string? _endReason;

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

    /// <summary>Completes with the reason once the session is over ("client closed", "bad Ogg stream: bad CRC", "aborted: seed parameter", …).</summary>
    public Task<string> Ended => _ended.Task;

    public string? EndReason => _endReason;

    internal void Enter(SessionPhase phase) => _phase = (int)phase;

    internal void CountStep() => Interlocked.Increment(ref _steps);

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
