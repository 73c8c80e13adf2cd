using System.Threading.Channels;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>
/// The emulated model of one session (spec §4.7, §5, §7, §8, §10): whole 1920-sample frames are model steps, run in order as
/// fast as <see cref="RealtimeEmulatorOptions.ComputeDelay"/> allows (no pacing check); an epoch's first step pays the prefill
/// (its slots and <see cref="RealtimeEmulatorOptions.PrefillDelay"/>) and opens one response; each frame's audio comes out one
/// step later (the delayed codebooks), as pcm16 in deltas of 1 then <c>ChunkFrames</c> frames; the window overflowing
/// finishes the epoch with an error; a frame 40 ms late is replaced by inserted silence; cancel/clear restart the epoch.
/// </summary>
internal sealed class ModelRunner
{
    private const int FrameSamples = 1920;
    private static readonly TimeSpan FramePeriod = TimeSpan.FromMilliseconds(80);

    private readonly Channel<ModelStep> _steps = Channel.CreateUnbounded<ModelStep>(new UnboundedChannelOptions { SingleReader = true });
    private readonly RealtimeSessionRecord _record;
    private readonly RealtimeEmulatorOptions _options;
    private readonly SessionSettings _settings;
    private readonly EventSender _events;
    private readonly float[] _partial = new float[FrameSamples];
    private readonly Lock _chain = new();
    private readonly List<float[]> _output = [];
    private int _partialCount;
    private long _pendingBytes;
    private volatile int _deadEpoch = -1;
    private long _nextDue;
    private bool _chainActive;
    private EpochState? _current;
    private int _textPiece;

    public ModelRunner(RealtimeSessionRecord record, RealtimeEmulatorOptions options, SessionSettings settings, EventSender events)
    {
        _record = record;
        _options = options;
        _settings = settings;
        _events = events;
    }

    /// <summary>Input bytes accepted but not yet run by the model.</summary>
    public long PendingBytes => Interlocked.Read(ref _pendingBytes);

    /// <summary>The error every append gets once the epoch's window overflowed, until the epoch is restarted.</summary>
    public WireError? DeadEpochError(string? eventId) => _deadEpoch == _record.Epoch
        ? new WireError("runtime_append_failed", $"streaming_prompt_context_limit_exceeded: projected={WindowProjection}, limit={_options.WindowFrames}", eventId)
        : null;

    private int WindowProjection { get; set; }

    /// <summary>Accepted samples join the partial frame; every whole frame becomes a model step.</summary>
    public void Append(float[] samples)
    {
        Interlocked.Add(ref _pendingBytes, samples.Length * 4L);
        var offset = 0;
        while (offset < samples.Length)
        {
            var count = Math.Min(samples.Length - offset, FrameSamples - _partialCount);
            samples.AsSpan(offset, count).CopyTo(_partial.AsSpan(_partialCount));
            _partialCount += count;
            offset += count;
            if (_partialCount == FrameSamples)
            {
                _partialCount = 0;
                var frame = _partial.ToArray();
                if (_options.RecordAudio)
                {
                    _record.Frames.Enqueue(new ReceivedFrame(frame, _record.Epoch));
                }

                lock (_chain)
                {
                    _chainActive = true;
                    _nextDue = Environment.TickCount64 + (long)FramePeriod.TotalMilliseconds;
                    _steps.Writer.TryWrite(new ModelStep(frame, false, _record.Epoch));
                }
            }
        }
    }

    /// <summary><c>input_audio_buffer.clear</c>: the partial frame is forgotten.</summary>
    public void ClearPartial()
    {
        Interlocked.Add(ref _pendingBytes, -_partialCount * 4L);
        _partialCount = 0;
    }

    /// <summary><c>response.cancel</c> / <c>output_audio_buffer.clear</c>: a new epoch; queued frames of the old one are aborted.</summary>
    public void Restart(bool clear)
    {
        var epoch = _record.NextEpoch();
        lock (_chain)
        {
            _chainActive = false;
        }

        _steps.Writer.TryWrite(new ModelStep(null, false, epoch, Restart: true, Clear: clear));
    }

    /// <summary>Stops the model; returns the samples of the partial frame that will never be processed.</summary>
    public int Stop()
    {
        _steps.Writer.TryComplete();
        return _partialCount;
    }

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(StepAsync(cancellationToken), InsertSilenceAsync(cancellationToken));

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        await foreach (var step in _steps.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (step.Samples is not null && !step.Inserted)
            {
                Interlocked.Add(ref _pendingBytes, -step.Samples.Length * 4L);
            }

            if (step.Restart)
            {
                await EndResponseAsync(step.Clear, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (step.Epoch != _record.Epoch || step.Epoch == _deadEpoch)
            {
                continue; // aborted with its epoch, or the window is full
            }

            await RunFrameAsync(step, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunFrameAsync(ModelStep step, CancellationToken cancellationToken)
    {
        if (_current is null)
        {
            _current = new EpochState("resp_" + Guid.NewGuid().ToString("N")[..24], _settings.PrefillSlots(_options));
            if (_options.PrefillDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.PrefillDelay, cancellationToken).ConfigureAwait(false);
            }

            _record.QueuedAtPrefillEnd = (int)(PendingBytes / (FrameSamples * 4));
        }

        var projected = _current.Slots + 1;
        if (projected > _options.WindowFrames)
        {
            WindowProjection = projected;
            _deadEpoch = step.Epoch;
            await _events.ErrorAsync(DeadEpochError(null)!, cancellationToken).ConfigureAwait(false);
            return;
        }

        _current.Slots = projected;
        _record.CountModelFrame(step.Inserted, step.Epoch);
        if (_options.ComputeDelay > TimeSpan.Zero)
        {
            await Task.Delay(_options.ComputeDelay, cancellationToken).ConfigureAwait(false);
        }

        if (_current.Held is { } held)
        {
            _output.Add(held);
        }

        _current.Held = step.Samples;
        var chunk = _current.Deltas == 0 ? _options.InitialChunkFrames : _options.ChunkFrames;
        if (_output.Count >= Math.Max(1, chunk))
        {
            await SendOutputAsync(_current, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendOutputAsync(EpochState epoch, CancellationToken cancellationToken)
    {
        if (!epoch.Started)
        {
            epoch.Started = true;
            await _events.SendAsync(WireEvents.ResponseCreated(epoch.ResponseId), cancellationToken).ConfigureAwait(false);
            await _events.SendAsync(WireEvents.Item("conversation.item.added", epoch.ResponseId), cancellationToken).ConfigureAwait(false);
            await _events.SendAsync(WireEvents.Item("conversation.item.created", epoch.ResponseId), cancellationToken).ConfigureAwait(false);
            await _events.SendAsync(WireEvents.OutputItem("response.output_item.added", epoch.ResponseId, "in_progress"), cancellationToken).ConfigureAwait(false);
            await _events.SendAsync(WireEvents.ContentPart("response.content_part.added", epoch.ResponseId), cancellationToken).ConfigureAwait(false);
        }

        var pcm = new byte[_output.Count * FrameSamples * 2];
        for (var f = 0; f < _output.Count; f++)
        {
            for (var i = 0; i < FrameSamples; i++)
            {
                var value = (short)Math.Clamp(MathF.Round(_output[f][i] * 32767f), short.MinValue, short.MaxValue);
                BitConverter.TryWriteBytes(pcm.AsSpan(((f * FrameSamples) + i) * 2), value);
            }
        }

        var frames = _output.Count;
        _output.Clear();
        epoch.Deltas++;
        await _events.SendAsync(WireEvents.AudioDelta(epoch.ResponseId, _record.SessionId!, _record.Epoch, pcm), cancellationToken).ConfigureAwait(false);
        _record.CountOutput(frames);
        if (_options.TextPieces.Count > 0)
        {
            // The running transcript grows by one piece per frame; the delta is its new suffix.
            var said = string.Concat(Enumerable.Range(0, frames).Select(_ => _options.TextPieces[_textPiece++ % _options.TextPieces.Count]));
            await _events.SendAsync(WireEvents.TranscriptDelta(epoch.ResponseId, said), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The terminal sequence of the epoch's response (if it started), then a fresh epoch.</summary>
    private async Task EndResponseAsync(bool cleared, CancellationToken cancellationToken)
    {
        if (_current is { Started: true } epoch)
        {
            await _events.SendAsync(WireEvents.ContentPart("response.content_part.done", epoch.ResponseId), cancellationToken).ConfigureAwait(false);
            await _events.SendAsync(WireEvents.OutputItem("response.output_item.done", epoch.ResponseId, "incomplete"), cancellationToken).ConfigureAwait(false);
            await _events.SendAsync(WireEvents.Item("conversation.item.done", epoch.ResponseId), cancellationToken).ConfigureAwait(false);
            await _events.SendAsync(WireEvents.ResponseDone(epoch.ResponseId, "cancelled"), cancellationToken).ConfigureAwait(false);
            await _events.SendAsync(WireEvents.Build("rate_limits.updated", json =>
            {
                json.WriteStartArray("rate_limits");
                json.WriteEndArray();
            }), cancellationToken).ConfigureAwait(false);
            if (cleared)
            {
                await _events.SendAsync(WireEvents.Build("output_audio_buffer.cleared", json => json.WriteString("response_id", epoch.ResponseId)), cancellationToken).ConfigureAwait(false);
            }
        }

        _current = null;
        _output.Clear();
    }

    /// <summary>Silence continuation: once the next real frame is <c>SilenceGrace</c> late, a zero frame per 80 ms until input resumes.</summary>
    private async Task InsertSilenceAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            lock (_chain)
            {
                if (_chainActive && Environment.TickCount64 > _nextDue + (long)_options.SilenceGrace.TotalMilliseconds)
                {
                    _nextDue += (long)FramePeriod.TotalMilliseconds;
                    if (!_steps.Writer.TryWrite(new ModelStep(new float[FrameSamples], true, _record.Epoch)))
                    {
                        return;
                    }
                }
            }
        }
    }

    private sealed class EpochState(string responseId, int prefillSlots)
    {
        public string ResponseId { get; } = responseId;

        public int Slots { get; set; } = prefillSlots;

        public bool Started { get; set; }

        public int Deltas { get; set; }

        public float[]? Held { get; set; }
    }
}
