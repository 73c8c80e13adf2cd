namespace Jarvis.Satellite.Playback;

/// <summary>
/// Adaptive jitter buffer for the downlink: packets pushed by the link thread in any order, fixed PCM frames
/// pulled by the playback thread. Waits until the target depth is buffered, conceals lost packets (FEC from
/// the next packet when it is there, else the decoder's PLC), drops late ones, and adapts the target to the
/// measured arrival jitter (RFC 3550 estimator). A real-time stream is held at the target whatever its depth (see
/// JitterBuffer.RealTime.cs); a burst is played whole. No allocation per packet or frame.
/// </summary>
public sealed partial class JitterBuffer
{
    private readonly Lock gate = new();
    private readonly IAudioPacketDecoder decoder;
    private readonly JitterBufferOptions options;
    private readonly PacketSlots slots = new(Capacity);
    private readonly Audio.SampleFifo pcm;
    private readonly short[] scratch;
    private readonly int rate;
    private uint expected;
    private bool anchored;
    private bool buffering = true;
    private int concealedRun;
    private int lastPacketSamples;
    private int overTargetFrames;
    private int stalledSamples;
    private long received, lost, late, recovered, underruns, overruns;
    private readonly ArrivalJitter jitter;

    public JitterBuffer(IAudioPacketDecoder decoder, TimeProvider time, JitterBufferOptions options)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        this.decoder = decoder;
        this.options = options;
        rate = decoder.SampleRate;
        scratch = new short[rate * 120 / 1000];
        pcm = new Audio.SampleFifo(scratch.Length * 3);
        lastPacketSamples = rate / 50;
        jitter = new ArrivalJitter(time, rate, options.MaxTargetMilliseconds);
        fade = new short[scratch.Length];
    }

    /// <summary>Packets that can wait (20 s of 20 ms packets): a sender may run ahead of real time with synthesised speech.</summary>
    public const int Capacity = 1024;

    public double TargetMilliseconds
    {
        get
        {
            var floor = kind == Jarvis.Protocol.Link.Messages.StreamKind.RealTime ? options.RealTimeMinTargetMilliseconds : options.MinTargetMilliseconds;
            return Math.Clamp(floor + (options.JitterMultiplier * jitter.Milliseconds), floor, Math.Max(floor, options.MaxTargetMilliseconds));
        }
    }

    /// <summary>Link thread: a downlink packet arrived. Malformed, late and duplicate packets are dropped.</summary>
    public void Push(uint sequence, ReadOnlySpan<byte> packet)
    {
        var samples = packet.IsEmpty ? 0 : decoder.GetSampleCount(packet);
        lock (gate)
        {
            if (samples <= 0 || samples > scratch.Length || (anchored && (int)(sequence - expected) < 0))
            {
                late++;
                return;
            }

            if (!anchored)
            {
                expected = sequence;
                anchored = true;
            }

            if ((int)(sequence - expected) >= slots.Capacity)
            {
                overruns++;
                return;
            }

            StartPendingKind(sequence);
            jitter.Arrived(sequence, samples);
            stalledSamples = 0;
            if (slots.Store(sequence, packet, samples))
            {
                received++;
            }
            else if (!slots.TryGet(sequence, out _, out _))
            {
                overruns++;
            }
        }
    }

    /// <summary>Playback thread: fills one frame (silence while buffering). True when it carries decoded audio.</summary>
    public bool Read(Span<short> frame)
    {
        lock (gate)
        {
            if (buffering)
            {
                // Short of the target, wait for more, but not longer than the target itself once nothing arrives: a
                // clip shorter than the target (a short spoken answer) is all there is and must play.
                if (slots.Count == 0 || (DepthSamples * 1000.0 / rate < TargetMilliseconds && stalledSamples * 1000.0 / rate < TargetMilliseconds))
                {
                    stalledSamples += slots.Count == 0 ? 0 : frame.Length;
                    frame.Clear();
                    return false;
                }

                buffering = false;
            }

            while (pcm.Count < frame.Length && FillOne(frame.Length))
            {
            }

            var n = pcm.Read(frame);
            frame[n..].Clear();
            if (n < frame.Length)
            {
                underruns++;
                buffering = true;
                anchored = slots.Count > 0;
                return n > 0;
            }

            if (kind is null)
            {
                ShrinkIfStable(frame.Length);
            }
            else
            {
                HoldRealTimeTarget(frame);
            }

            return true;
        }
    }

    /// <summary>Barge-in: drop everything queued at once.</summary>
    public void Flush()
    {
        lock (gate)
        {
            slots.Clear();
            pcm.Clear();
            anchored = false;
            buffering = true;
            jitter.Restart();
        }
    }

    public JitterBufferStats Stats()
    {
        lock (gate)
        {
            return new JitterBufferStats(received, lost, late, recovered, underruns, overruns,
                jitter.Milliseconds, DepthSamples * 1000.0 / rate, TargetMilliseconds, trimmedSamples * 1000.0 / rate);
        }
    }

    private int DepthSamples => pcm.Count + slots.QueuedSamples;

    private bool FillOne(int frameSamples)
    {
        int n;
        if (slots.TryGet(expected, out var packet, out var samples))
        {
            n = decoder.Decode(packet, scratch);
            slots.Remove(expected);
            lastPacketSamples = samples;
            concealedRun = 0;
        }
        else if (slots.Count > 0)
        {
            n = slots.TryGet(expected + 1, out var next, out _)
                ? decoder.DecodeFec(next, scratch, lastPacketSamples)
                : decoder.DecodeLost(scratch, lastPacketSamples);
            lost++;
            if (slots.TryGet(expected + 1, out _, out _))
            {
                recovered++;
            }
        }
        else if (concealedRun < options.MaxConcealedFrames)
        {
            // Nothing queued: a few frames of concealment fade out smoothly; the slot stays open for a late packet.
            concealedRun++;
            n = decoder.DecodeLost(scratch, frameSamples);
            pcm.Write(scratch.AsSpan(0, Math.Max(0, n)));
            return false;
        }
        else
        {
            return false;
        }

        expected++;
        pcm.Write(scratch.AsSpan(0, Math.Max(0, n)));
        return true;
    }

    /// <summary>
    /// Older servers never say the stream's kind: latency above the target is dropped one frame per 25 frames, and a
    /// depth beyond the maximum target is taken for a burst of synthesised speech and played, not dropped.
    /// </summary>
    private void ShrinkIfStable(int frameSamples)
    {
        var depth = DepthSamples * 1000.0 / rate;
        var over = depth > TargetMilliseconds + (2000.0 * frameSamples / rate) && depth <= options.MaxTargetMilliseconds;
        overTargetFrames = over ? overTargetFrames + 1 : 0;
        if (overTargetFrames >= 25 && pcm.Count >= frameSamples)
        {
            pcm.Read(scratch.AsSpan(0, frameSamples));
            overTargetFrames = 0;
        }
    }
}
