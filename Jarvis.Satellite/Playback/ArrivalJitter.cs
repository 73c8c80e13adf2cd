namespace Jarvis.Satellite.Playback;

/// <summary>
/// RFC 3550 interarrival jitter of a packet stream, in samples (J += (|D| − J) / 16). A packet later than
/// <paramref name="maxGapMilliseconds"/> starts a new talk spurt and is not counted: the sender was idle (the silence
/// between two answers) or the path stalled, and no jitter buffer could cover that gap anyway. Nor are the packets that
/// arrive early right after it, up to the lateness the gap left: that is the stall's backlog catching up (seen on the
/// real-time rig: a 1 s stall of the model's process counted its catch-up as jitter and raised the target from 22 to
/// 75 ms for the next 5 s), not jitter. The first packet on time or late ends the catch-up.
/// </summary>
internal sealed class ArrivalJitter(TimeProvider time, int sampleRate, int maxGapMilliseconds)
{
    private long lastArrival;
    private uint lastSequence;
    private bool started;
    private double catchUp;

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
            var d = arrival - media;
            if (d > maxGapMilliseconds * (double)sampleRate / 1000)
            {
                catchUp = d;
            }
            else if (d < 0 && catchUp > 0)
            {
                var absorbed = Math.Min(catchUp, -d);
                catchUp -= absorbed;
                if (absorbed < -d)
                {
                    Count(d + absorbed);
                }
            }
            else
            {
                catchUp = 0;
                Count(d);
            }
        }

        started = true;
        lastArrival = now;
        lastSequence = sequence;
    }

    /// <summary>Forgets the previous packet (after a flush the next one starts a new stream).</summary>
    public void Restart()
    {
        started = false;
        catchUp = 0;
    }

    private void Count(double transitDifference) => Samples += (Math.Abs(transitDifference) - Samples) / 16;
}
