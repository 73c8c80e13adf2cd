namespace Jarvis.Server.Timers.Grammar;

/// <summary>
/// A duration as it was said, split into units the way Home Assistant's timer slots are ("5 and a half minutes" is
/// 5 minutes and 30 seconds, "90 minutes" stays 90 minutes).
/// </summary>
public sealed record SpokenDuration(int Hours, int Minutes, int Seconds)
{
    public TimeSpan Length => new(Hours, Minutes, Seconds);

    public bool IsZero => Hours == 0 && Minutes == 0 && Seconds == 0;

    public SpokenDuration Plus(SpokenDuration other) => new(Hours + other.Hours, Minutes + other.Minutes, Seconds + other.Seconds);

    /// <summary>The slots <c>hours</c>/<c>minutes</c>/<c>seconds</c> (with <paramref name="prefix"/>) for the units that were said.</summary>
    public void PutSlots(IDictionary<string, object> slots, string prefix = "")
    {
        if (Hours > 0)
        {
            slots[prefix + "hours"] = Hours;
        }

        if (Minutes > 0)
        {
            slots[prefix + "minutes"] = Minutes;
        }

        if (Seconds > 0)
        {
            slots[prefix + "seconds"] = Seconds;
        }
    }
}
