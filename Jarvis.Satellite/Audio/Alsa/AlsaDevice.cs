namespace Jarvis.Satellite.Audio.Alsa;

/// <summary>One PCM as ALSA's name hints list it (<c>aplay -L</c>); <see cref="Index"/> is its place in that list.</summary>
public sealed record AlsaDevice(int Index, string Name, string Description, bool Input, bool Output)
{
    /// <summary>The card id in a card's PCM name (<c>hw:CARD=seeed2micvoicec,DEV=0</c>), else null.</summary>
    public string? Card
    {
        get
        {
            var start = Name.IndexOf("CARD=", StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            var id = Name.AsSpan(start + "CARD=".Length);
            var end = id.IndexOf(',');
            return (end < 0 ? id : id[..end]).ToString();
        }
    }

    public bool Supports(bool input) => input ? Input : Output;
}
