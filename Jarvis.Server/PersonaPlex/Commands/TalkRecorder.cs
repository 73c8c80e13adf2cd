using Jarvis.Protocol.Opus;
using Jarvis.Server.PersonaPlex.Client;

namespace Jarvis.Server.PersonaPlex.Commands;

/// <summary>Decodes PersonaPlex's packets for <c>personaplex talk</c> and measures each frame's latency from the input that clocked it.</summary>
internal sealed class TalkRecorder
{
    /// <summary>One model step: 80 ms at 24 kHz.</summary>
    public const int StepSamples = 1920;

    private readonly TimeProvider _time;
    private readonly long[] _stepCompletedAt;
    private readonly List<short> _output = [];
    private readonly TaskCompletionSource _allReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stepsSent;

    public TalkRecorder(int expectedSteps, TimeProvider time)
    {
        _time = time;
        _stepCompletedAt = new long[expectedSteps];
        if (expectedSteps == 0)
        {
            _allReceived.TrySetResult();
        }
    }

    public Task AllReceived => _allReceived.Task;

    public int Received { get; private set; }

    public long? FirstAudio { get; private set; }

    public List<double> LatenciesMs { get; } = [];

    public short[] Output => [.. _output];

    /// <summary>Called after the input up to <paramref name="totalSamples"/> has been sent.</summary>
    public void Sent(int totalSamples)
    {
        var now = _time.GetTimestamp();
        while (_stepsSent < _stepCompletedAt.Length && (long)(_stepsSent + 1) * StepSamples <= totalSamples)
        {
            Volatile.Write(ref _stepCompletedAt[_stepsSent++], now);
        }
    }

    public async Task ReceiveAsync(PersonaPlexClient client, CancellationToken cancellationToken)
    {
        using var decoder = OpusFrameDecoder.Create(24000);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(24000)];
        await foreach (var packet in client.ReceiveAudioAsync(cancellationToken).ConfigureAwait(false))
        {
            using (packet)
            {
                FirstAudio ??= packet.ArrivalTimestamp;
                var samples = decoder.Decode(packet.Span, pcm);
                _output.AddRange(pcm.AsSpan(0, samples));
                if (Received < _stepCompletedAt.Length && Volatile.Read(ref _stepCompletedAt[Received]) is var sentAt and > 0)
                {
                    LatenciesMs.Add((packet.ArrivalTimestamp - sentAt) * 1000.0 / _time.TimestampFrequency);
                }

                Received++;
                if (Received >= _stepCompletedAt.Length)
                {
                    _allReceived.TrySetResult();
                }
            }
        }
    }
}
