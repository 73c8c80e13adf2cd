namespace Jarvis.Server.Wyoming;

/// <summary>PCM format of a Wyoming audio stream: sample rate, bytes per sample, interleaved channels.</summary>
public readonly record struct AudioFormat(int Rate, int Width, int Channels)
{
    /// <summary>Microphone / ASR / wake convention: 16 kHz, 16-bit, mono.</summary>
    public static AudioFormat Speech16K { get; } = new(16000, 2, 1);

    public int BytesPerSecond => Rate * Width * Channels;

    public bool IsValid => Rate is > 0 and <= 384000 && Width is 1 or 2 or 3 or 4 && Channels is >= 1 and <= 8;

    public TimeSpan Duration(int bytes) => BytesPerSecond == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)bytes / BytesPerSecond);

    public override string ToString() => $"{Rate} Hz/{Width * 8}-bit/{Channels} ch";
}
