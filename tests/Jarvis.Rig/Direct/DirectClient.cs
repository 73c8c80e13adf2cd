using System.Diagnostics;
using Jarvis.Protocol.Opus;
using Jarvis.Rig.Audio;
using Jarvis.Server.PersonaPlex.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jarvis.Rig.Direct;

/// <summary>
/// The baseline: a client talking straight to a PersonaPlex emulator, as a well-behaved PersonaPlex client does. It
/// connects, then streams 20 ms Opus frames of its "microphone" at real time (silence unless a clip is due), and keeps
/// the decoded answer with the time each packet arrived.
/// </summary>
public sealed class DirectClient : IAsyncDisposable
{
    private const int FrameSamples = 320;
    private const int OutputSampleRate = 24000;
    private readonly PersonaPlexClient _client;
    private readonly Lock _lock = new();
    private readonly List<(long Start, short[] Samples)> _due = [];
    private readonly List<long> _frameSent = [];
    private readonly List<short> _received = [];
    private readonly List<(int End, long Timestamp)> _arrivals = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _sending = Task.CompletedTask;
    private Task _receiving = Task.CompletedTask;

    public DirectClient(Uri endpoint) =>
        _client = new PersonaPlexClient(endpoint, new PersonaPlexPersona("You are Jarvis.", "NATF2.pt"), TimeSpan.FromSeconds(60), TimeProvider.System, NullLogger.Instance);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        _receiving = Task.Run(() => ReceiveAsync(_stop.Token), CancellationToken.None);
        _sending = Task.Run(() => SendAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Speaks <paramref name="clip"/> <paramref name="delay"/> from now; returns the sample index of its onset.</summary>
    public Utterance Say(short[] clip, TimeSpan delay)
    {
        var onset = Math.Max(Energy.Onset(clip, 0, Energy.SilenceDbfs + 10), 0);
        lock (_lock)
        {
            var start = ((long)_frameSent.Count * FrameSamples) + (long)(delay.TotalSeconds * MicFeeder.SampleRate);
            foreach (var (s, samples) in _due)
            {
                start = Math.Max(start, s + samples.Length);
            }

            _due.Add((start, clip));
            return new Utterance(start + onset, clip.Length);
        }
    }

    /// <summary>When the frame holding the utterance's onset was sent (a timestamp), or null.</summary>
    public long? MouthTime(Utterance utterance)
    {
        lock (_lock)
        {
            var frame = (int)(utterance.OnsetPosition / FrameSamples);
            return frame < _frameSent.Count ? _frameSent[frame] : null;
        }
    }

    /// <summary>
    /// When the first loud 10 ms of the answer after <paramref name="mouth"/> would be heard, within
    /// <paramref name="window"/>: the arrival of its page plus its offset inside the page, as a player starting the page
    /// on arrival plays it.
    /// </summary>
    public long? EarTime(long mouth, TimeSpan window, double thresholdDbfs)
    {
        lock (_lock)
        {
            var samples = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_received);
            var packet = 0;
            for (var start = 0; start + 240 <= samples.Length; start += 240)
            {
                while (packet < _arrivals.Count && _arrivals[packet].End <= start)
                {
                    packet++;
                }

                var arrived = _arrivals[packet].Timestamp;
                if (arrived <= mouth || Energy.Dbfs(samples.Slice(start, 240)) < thresholdDbfs)
                {
                    continue;
                }

                // A client plays a page from its arrival, so the onset is heard its offset into the page later.
                var pageStart = packet == 0 ? 0 : _arrivals[packet - 1].End;
                var heard = arrived + (long)((start - pageStart) * (double)Stopwatch.Frequency / OutputSampleRate);
                return Stopwatch.GetElapsedTime(mouth, heard) <= window ? heard : null;
            }

            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _client.DisposeAsync().ConfigureAwait(false);
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = MicFeeder.SampleRate, FrameMilliseconds = 20 });
        var frame = new short[FrameSamples];
        var packet = new byte[OpusFrameEncoder.MaxPacketSize];
        var started = Stopwatch.GetTimestamp();
        for (long n = 0; !cancellationToken.IsCancellationRequested; n++)
        {
            var wait = TimeSpan.FromMilliseconds(n * 20) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            lock (_lock)
            {
                Fill(frame, n * FrameSamples);
                _frameSent.Add(Stopwatch.GetTimestamp());
            }

            var length = encoder.Encode(frame, packet);
            await _client.SendAudioAsync(packet.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
    }

    private void Fill(Span<short> frame, long first)
    {
        frame.Clear();
        foreach (var (start, samples) in _due)
        {
            var from = Math.Max(first, start);
            var to = Math.Min(first + frame.Length, start + samples.Length);
            if (from < to)
            {
                samples.AsSpan((int)(from - start), (int)(to - from)).CopyTo(frame[(int)(from - first)..]);
            }
        }

        _due.RemoveAll(d => d.Start + d.Samples.Length <= first);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        using var decoder = OpusFrameDecoder.Create(OutputSampleRate);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(OutputSampleRate)];
        await foreach (var packet in _client.ReceiveAudioAsync(cancellationToken).ConfigureAwait(false))
        {
            using (packet)
            {
                var samples = decoder.Decode(packet.Span, pcm);
                lock (_lock)
                {
                    _received.AddRange(pcm.AsSpan(0, samples));
                    _arrivals.Add((_received.Count, packet.ArrivalTimestamp));
                }
            }
        }
    }
}
