using System.Runtime.InteropServices;
using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Speech;

/// <summary>
/// Turns synthesised PCM (any rate, 16-bit, mono or stereo) into the room's Opus stream: downmix, resample to the
/// room rate, cut into frames, encode with one reused encoder, send each packet at once. Buffers are reused; nothing
/// is allocated per frame. One encoder per answer (not thread-safe).
/// </summary>
public sealed class RoomAudioEncoder : IDisposable
{
    private readonly OpusFrameEncoder _encoder;
    private readonly short[] _frame;
    private readonly byte[] _packet = new byte[OpusFrameEncoder.MaxPacketSize];
    private short[] _scratch = new short[8192];
    private short[] _resampled = new short[8192];
    private LinearResampler? _resampler;
    private int _fill;

    public RoomAudioEncoder(RoomAudioOptions options)
    {
        _encoder = OpusFrameEncoder.Create(new OpusEncoderOptions
        {
            SampleRate = options.SampleRate,
            FrameMilliseconds = options.FrameMilliseconds,
            Application = OpusApplicationKind.Audio,
            Bitrate = options.Bitrate,
        });
        _frame = new short[_encoder.FrameSamples];
    }

    public int SampleRate => _encoder.SampleRate;

    /// <summary>When set, every packet sent is also recorded (for the answer cache).</summary>
    public OpusRecording? Recording { get; set; }

    public int PacketsSent { get; private set; }

    public async ValueTask WriteAsync(PcmChunk chunk, IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        if (chunk.Format.Width != 2)
        {
            throw new NotSupportedException($"Only 16-bit PCM can be played to a room (got {chunk.Format}).");
        }

        var count = Resample(chunk);
        var offset = 0;
        while (offset < count)
        {
            var take = Math.Min(_frame.Length - _fill, count - offset);
            _resampled.AsSpan(offset, take).CopyTo(_frame.AsSpan(_fill));
            _fill += take;
            offset += take;
            if (_fill == _frame.Length)
            {
                await SendFrameAsync(sink, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends the last partial frame padded with silence (end of the answer).</summary>
    public async ValueTask CompleteAsync(IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        if (_fill > 0)
        {
            _frame.AsSpan(_fill).Clear();
            _fill = _frame.Length;
            await SendFrameAsync(sink, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _encoder.Dispose();

    private int Resample(PcmChunk chunk)
    {
        var samples = MemoryMarshal.Cast<byte, short>(chunk.Pcm.Span[..(chunk.Pcm.Length & ~1)]);
        var channels = chunk.Format.Channels;
        var mono = samples.Length / channels;
        if (_scratch.Length < mono)
        {
            _scratch = new short[mono * 2];
        }

        for (var i = 0; i < mono; i++)
        {
            var sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += samples[(i * channels) + c];
            }

            _scratch[i] = (short)(sum / channels);
        }

        if (_resampler is null || _resampler.InputRate != chunk.Format.Rate)
        {
            _resampler = new LinearResampler(chunk.Format.Rate, _encoder.SampleRate);
        }

        var max = _resampler.MaxOutput(mono);
        if (_resampled.Length < max)
        {
            _resampled = new short[max * 2];
        }

        return _resampler.Process(_scratch.AsSpan(0, mono), _resampled);
    }

    private ValueTask SendFrameAsync(IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        var length = _encoder.Encode(_frame, _packet);
        _fill = 0;
        Recording?.Add(_packet.AsSpan(0, length), _frame.Length);
        PacketsSent++;
        return sink.SendOpusAsync(_packet.AsMemory(0, length), _frame.Length, cancellationToken);
    }
}
