using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Jarvis.Protocol.Ogg;
using Jarvis.Protocol.Opus;

namespace Jarvis.PersonaPlex.Emulator;

/// <summary>
/// One client on the emulated server, timeline as in server.py: queue on the single lock, prompt phase that eats
/// incoming messages, 0x00 handshake, the two sphn header pages, then one audio page per 1920 decoded input samples
/// (in echo mode the input of the previous step, re-encoded; else silence), after the optional compute delay of each step.
/// A bad Ogg/Opus stream ends the session with close code 1000 and no explanation.
/// </summary>
internal sealed class EmulatedSession
{
    private readonly WebSocket _socket;
    private readonly SessionRecord _record;
    private readonly EmulatorOptions _options;
    private readonly ClientMessages _incoming;
    private readonly OggOpusReader _reader = new();
    private readonly OggOpusWriter _writer = new(42, new OpusHead(1, 1, 3840, 24000, 0, 0), "sphn-pyo3");
    private readonly ArrayBufferWriter<byte> _page = new();
    private readonly short[] _pending = new short[OutputEncoder.StepSamples + OpusFrameDecoder.MaxSamplesPerPacket(24000)];
    private readonly short[] _previousStep = new short[OutputEncoder.StepSamples];
    private int _pendingCount;
    private long _computeFree;
    private byte[] _headersForFirstPage = [];

    public EmulatedSession(WebSocket socket, SessionRecord record, EmulatorOptions options)
    {
        _socket = socket;
        _incoming = new ClientMessages(socket);
        _record = record;
        _options = options;
    }

    /// <summary>Runs the session while holding the lock; returns the reason it ended.</summary>
    public async Task<string> RunLockedAsync(CancellationToken cancellationToken)
    {
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _incoming.Start(stopReceiving.Token);
        try
        {
            _record.Enter(SessionPhase.PromptPhase);
            for (var step = 0; step < _options.PromptSteps; step++)
            {
                if (_incoming.Reader.TryRead(out _))
                {
                    _record.CountDiscarded();
                }

                if (_incoming.Closed)
                {
                    return "client left during the prompt phase";
                }

                await Task.Delay(_options.PromptStepTime, cancellationToken).ConfigureAwait(false);
            }

            _record.HandshakeSending();
            await SendAsync([0x00], cancellationToken).ConfigureAwait(false);
            _page.ResetWrittenCount();
            _writer.WriteHeaders(_page);
            var headers = _page.WrittenMemory.ToArray();
            if (_options.HeadersWithFirstAudioPage)
            {
                _headersForFirstPage = headers;
            }
            else
            {
                // Page 0 holds one segment (OpusHead, 19 bytes): 27-byte header + 1 lacing byte + body.
                var firstPageLength = 27 + headers[26] + headers[27];
                await SendAudioPageAsync(headers[..firstPageLength], cancellationToken).ConfigureAwait(false);
                await SendAudioPageAsync(headers[firstPageLength..], cancellationToken).ConfigureAwait(false);
            }

            _record.Enter(SessionPhase.Streaming);
            return await StreamAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopReceiving.CancelAsync().ConfigureAwait(false);
            await _incoming.Receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<string> StreamAsync(CancellationToken cancellationToken)
    {
        using var decoder = OpusFrameDecoder.Create(24000);
        using var encoder = new OutputEncoder();
        await foreach (var message in _incoming.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_incoming.Closed)
            {
                break;
            }

            var data = message.Data;
            if (data.Length == 0 || data[0] != 0x01)
            {
                continue; // server.py ignores empty messages and every kind but audio
            }

            _reader.Append(data.AsSpan(1));
            while (true)
            {
                var status = _reader.TryReadPacket(out var packet);
                if (status == OggReadStatus.NeedMoreData)
                {
                    break;
                }

                if (status == OggReadStatus.Error)
                {
                    return await CloseAsync($"bad Ogg stream: {_reader.Error}").ConfigureAwait(false);
                }

                if (packet.IsHeader)
                {
                    continue;
                }

                int samples;
                try
                {
                    samples = decoder.Decode(packet.Data.Span, _pending.AsSpan(_pendingCount));
                }
                catch (Exception ex)
                {
                    return await CloseAsync($"Opus decode failed: {ex.Message}").ConfigureAwait(false);
                }

                if (_options.RecordPackets)
                {
                    _record.DecodedPackets.Enqueue(packet.Data.ToArray());
                }

                _record.InputArrivals.Enqueue(new InputArrival(message.Arrival, samples, PcmLevel.LoudestDbfs(_pending.AsSpan(_pendingCount, samples))));
                _pendingCount += samples;
                while (_pendingCount >= OutputEncoder.StepSamples && !_incoming.Closed)
                {
                    await StepAsync(encoder, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await CloseAsync("client closed").ConfigureAwait(false);
        return "client closed";
    }

    private async Task StepAsync(OutputEncoder encoder, CancellationToken cancellationToken)
    {
        await ComputeAsync(cancellationToken).ConfigureAwait(false);

        // Echo: the output is the input delayed by one step (the model's one-frame acoustic delay), so listeners hear real
        // audio and mouth-to-ear can be measured; otherwise the model answers with digital silence.
        var opus = encoder.Encode(_previousStep).ToArray();
        var level = PcmLevel.LoudestDbfs(_previousStep);
        var onset = PcmLevel.OnsetMilliseconds(_previousStep);
        if (_options.RecordPackets)
        {
            _record.SentPackets.Enqueue(opus);
        }
        if (_options.Echo)
        {
            _pending.AsSpan(0, OutputEncoder.StepSamples).CopyTo(_previousStep);
        }

        _pending.AsSpan(OutputEncoder.StepSamples, _pendingCount - OutputEncoder.StepSamples).CopyTo(_pending);
        _pendingCount -= OutputEncoder.StepSamples;

        var pieces = _options.TextPieces;
        if (_options.Script.TryDequeue(out var scripted))
        {
            await SendAsync([0x02, .. Encoding.UTF8.GetBytes(scripted)], cancellationToken).ConfigureAwait(false);
        }
        else if (pieces.Count > 0)
        {
            await SendAsync([0x02, .. Encoding.UTF8.GetBytes(pieces[_record.Steps % pieces.Count])], cancellationToken).ConfigureAwait(false);
        }

        _page.ResetWrittenCount();
        _page.Write(_headersForFirstPage);
        _headersForFirstPage = [];
        _writer.WritePacket(opus, OutputEncoder.StepSamples, _page);
        await SendAudioPageAsync(_page.WrittenSpan.ToArray(), cancellationToken).ConfigureAwait(false);
        _record.CountStep(level, onset);
    }

    /// <summary>
    /// The model's time for one step on one clock, as a GPU runs it: a step starts when its input is complete and the
    /// previous step is done, and ends <see cref="EmulatorOptions.ComputeDelay"/> after it started. The wait is for that
    /// moment, not a sleep of that length, so a timer that wakes late (a loaded machine) delays one page, never every later one.
    /// </summary>
    private async Task ComputeAsync(CancellationToken cancellationToken)
    {
        var compute = _options.ComputeDelay;
        if (compute <= TimeSpan.Zero)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        _computeFree = Math.Max(now, _computeFree) + (long)(compute.TotalSeconds * Stopwatch.Frequency);
        var wait = Stopwatch.GetElapsedTime(now, _computeFree);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task SendAudioPageAsync(byte[] page, CancellationToken cancellationToken) => SendAsync([0x01, .. page], cancellationToken);

    private async Task SendAsync(byte[] message, CancellationToken cancellationToken) =>
        await _socket.SendAsync(message, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);

    private async Task<string> CloseAsync(string reason)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            // Like aiohttp's ws.close(): wait for the client's close frame before the connection goes.
            await _incoming.Receiving.WaitAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return reason;
    }
}
