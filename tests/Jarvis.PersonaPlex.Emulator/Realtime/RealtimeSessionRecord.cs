using System.Collections.Concurrent;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>What one connection to the emulated <c>/v1/realtime</c> did, for tests to inspect.</summary>
public sealed class RealtimeSessionRecord
{
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _epoch;
    private int _modelFrames;
    private int _inserted;
    private int _outputFrames;
    private readonly ConcurrentDictionary<int, int> _framesPerEpoch = new();
    private volatile string? _endReason;

    public RealtimeSessionRecord(IReadOnlyDictionary<string, string> query)
    {
        Query = query;
    }

    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>The id the server allocated (null until the session opened).</summary>
    public string? SessionId { get; internal set; }

    public string? Voice { get; internal set; }

    public string? Instructions { get; internal set; }

    /// <summary>The session opened (session.created sent).</summary>
    public Task Opened => _opened.Task;

    /// <summary>The current epoch (0, then +1 on every response.cancel / output_audio_buffer.clear).</summary>
    public int Epoch => Volatile.Read(ref _epoch);

    /// <summary>Frames the model processed (client frames and inserted silence, every epoch).</summary>
    public int ModelFrames => Volatile.Read(ref _modelFrames);

    /// <summary>Window slots the model's steps took in <paramref name="epoch"/> (client frames and inserted silence; prefill not counted).</summary>
    public int ModelFramesIn(int epoch) => _framesPerEpoch.GetValueOrDefault(epoch);

    /// <summary>Zero frames the server inserted because the client's frame was late (silence continuation).</summary>
    public int InsertedSilenceFrames => Volatile.Read(ref _inserted);

    /// <summary>Frames of audio sent back.</summary>
    public int OutputFrames => Volatile.Read(ref _outputFrames);

    /// <summary>Every whole 1920-sample frame the client sent (decoded pcm_f32le), in order, with its epoch.</summary>
    public ConcurrentQueue<ReceivedFrame> Frames { get; } = new();

    /// <summary>Every client event type, in order (appends included).</summary>
    public ConcurrentQueue<string> ClientEvents { get; } = new();

    /// <summary>The code of every error event sent, in order.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Every server event type sent, in order.</summary>
    public ConcurrentQueue<string> ServerEvents { get; } = new();

    /// <summary>Client frames waiting to be run when the last prefill ended (sent while the model prepared the persona).</summary>
    public int QueuedAtPrefillEnd { get; internal set; }

    /// <summary>Samples of a partial frame left when the session closed (never processed).</summary>
    public int ResidualSamplesDropped { get; internal set; }

    /// <summary>Completes with the reason once the connection is over ("client_close", "disconnect", "resource_exhausted", …).</summary>
    public Task<string> Ended => _ended.Task;

    public string? EndReason => _endReason;

    /// <summary>Sends the connection's events (for the emulator's error injection).</summary>
    internal EventSender? Sender { get; set; }

    internal void Open(string id)
    {
        SessionId = id;
        _opened.TrySetResult();
    }

    internal int NextEpoch() => Interlocked.Increment(ref _epoch);

    internal void CountModelFrame(bool inserted, int epoch)
    {
        Interlocked.Increment(ref _modelFrames);
        _framesPerEpoch.AddOrUpdate(epoch, 1, (_, count) => count + 1);
        if (inserted)
        {
            Interlocked.Increment(ref _inserted);
        }
    }

    internal void CountOutput(int frames) => Interlocked.Add(ref _outputFrames, frames);

    internal void End(string reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
        {
            _ended.TrySetResult(reason);
        }
    }
}
