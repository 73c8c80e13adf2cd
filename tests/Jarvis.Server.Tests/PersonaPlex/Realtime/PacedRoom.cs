using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex.Realtime;

/// <summary>A room's microphone in real time: 20 ms Opus packets of a tone (16 kHz, like a satellite), one every 20 ms.</summary>
internal sealed class PacedRoom : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sending;
    private readonly List<byte[]> _heard = [];
    private readonly Task _hearing;

    public PacedRoom(IConversationChannel channel, double frequency)
    {
        Channel = channel;
        var packets = TestPackets.Tone(50, 16000, frequency);
        _sending = SendAsync(packets, Silence(), _stop.Token);
        _hearing = HearAsync();
    }

    public IConversationChannel Channel { get; }

    /// <summary>While true the room sends digital silence instead of its tone (someone stopped speaking).</summary>
    public bool Quiet { get; set; }

    public int Sent { get; private set; }

    /// <summary>The Opus packets the room received so far.</summary>
    public IReadOnlyList<byte[]> Heard
    {
        get
        {
            lock (_heard)
            {
                return _heard.ToArray();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Channel.DisposeAsync();
        await _hearing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static byte[] Silence()
    {
        using var encoder = Jarvis.Protocol.Opus.OpusFrameEncoder.Create(new Jarvis.Protocol.Opus.OpusEncoderOptions { SampleRate = 16000, FrameMilliseconds = 20 });
        var packet = new byte[1275];
        return packet.AsSpan(0, encoder.Encode(new short[320], packet)).ToArray();
    }

    private async Task SendAsync(IReadOnlyList<byte[]> packets, byte[] silence, CancellationToken cancellationToken)
    {
        // A microphone delivers a packet every 20 ms: paced by a timer, as the session's clock refuses audio ahead of real time.
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (var n = 0; await pace.WaitForNextTickAsync(cancellationToken); n++)
        {
            await Channel.SendAsync(Quiet ? silence : packets[n % packets.Count], cancellationToken);
            Sent++;
        }
    }

    private async Task HearAsync()
    {
        await foreach (var packet in Channel.Audio.ReadAllAsync())
        {
            using (packet)
            {
                lock (_heard)
                {
                    _heard.Add(packet.Span.ToArray());
                }
            }
        }
    }
}
