namespace Jarvis.Server.Status;

/// <summary>The satellite link's quality in plain words, from the loss, jitter and round trip it reports.</summary>
public static class SignalQuality
{
    public static string Describe(double lossPercent, double jitterMs, double rttMs, bool measured)
    {
        if (!measured)
        {
            return "measuring";
        }

        if (lossPercent < 1 && jitterMs < 30 && rttMs < 100)
        {
            return "good";
        }

        return lossPercent < 5 && jitterMs < 60 && rttMs < 250
            ? "fair: speech may stutter now and then"
            : "poor: speech will break up; move the satellite or the Wi-Fi access point closer";
    }
}
