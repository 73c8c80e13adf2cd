namespace Jarvis.Satellite.Playback;

/// <summary>
/// RFC 3550 interarrival jitter of a packet stream, in samples (J += (|D| − J) / 16). A packet later than
/// <paramref name="maxGapMilliseconds"/> starts a new talk spurt and is not counted: the sender was idle (the silence
/// between two answers), and no jitter buffer could cover that gap anyway.
/// </summary>
internal sealed class ArrivalJitter(TimeProvider time, int sampleRate, int maxGapMilliseconds)
{
    private long lastArrival;
    private uint lastSequence;
    private bool started;

    public double Samples { get; private set; }

    public double Milliseconds => Samples * 1000 / sampleRate;

    /// <summary>A packet of <paramref name="samples"/> samples with <paramref name="sequence"/> arrived now.</summary>
    public void Arrived(uint sequence, int samples)
    {
        var now = time.GetTimestamp();
        if (started)
        {
            var arrival = (now - lastArrival) * (double)sampleRate / time.TimestampFrequency;
            var media = (int)(sequence - lastSequence) * (double)samples;
            if (arrival - media <= maxGapMilliseconds * (double)sampleRate / 1000)
            {
                Samples += (Math.Abs(arrival - media) - Samples) / 16;
            }
        }

        started = true;
        lastArrival = now;
        lastSequence = sequence;
    }

    /// <summary>Forgets the previous packet (after a flush the next one starts a new stream).</summary>
    public void Restart() => started = false;
}
