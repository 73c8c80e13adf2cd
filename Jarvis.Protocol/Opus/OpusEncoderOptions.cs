namespace Jarvis.Protocol.Opus;

/// <summary>Settings of an <see cref="OpusFrameEncoder"/> (mono). <see cref="Validate"/> says what is wrong.</summary>
public sealed record OpusEncoderOptions
{
    /// <summary>Input sample rate: 16000, 24000 or 48000 Hz.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>Frame duration: 10, 20, 40 or 60 ms.</summary>
    public int FrameMilliseconds { get; init; } = 20;

    public OpusApplicationKind Application { get; init; } = OpusApplicationKind.Voip;

    /// <summary>Target bitrate in bits per second (6000–510000), or 0 for libopus' automatic choice.</summary>
    public int Bitrate { get; init; } = 24000;

    /// <summary>Encoder complexity 0–10 (higher: better quality, more CPU).</summary>
    public int Complexity { get; init; } = 5;

    /// <summary>In-band forward error correction (SILK and hybrid modes), decodable with <see cref="OpusFrameDecoder.DecodeFec"/>.</summary>
    public bool InbandFec { get; init; }

    /// <summary>Expected packet loss 0–100 %; makes FEC spend bits.</summary>
    public int ExpectedPacketLossPercent { get; init; }

    /// <summary>Discontinuous transmission: silent frames become packets of at most 2 bytes that need not be sent.</summary>
    public bool Dtx { get; init; }

    /// <summary>Samples per frame at <see cref="SampleRate"/>.</summary>
    public int FrameSamples => SampleRate * FrameMilliseconds / 1000;

    /// <summary>The problems with these options (empty when they are valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SampleRate is not (16000 or 24000 or 48000))
        {
            problems.Add($"SampleRate must be 16000, 24000 or 48000 Hz (got {SampleRate}).");
        }

        if (FrameMilliseconds is not (10 or 20 or 40 or 60))
        {
            problems.Add($"FrameMilliseconds must be 10, 20, 40 or 60 (got {FrameMilliseconds}).");
        }

        if (Bitrate != 0 && Bitrate is < 6000 or > 510000)
        {
            problems.Add($"Bitrate must be 0 (auto) or 6000-510000 bit/s (got {Bitrate}).");
        }

        if (Complexity is < 0 or > 10)
        {
            problems.Add($"Complexity must be 0-10 (got {Complexity}).");
        }

        if (ExpectedPacketLossPercent is < 0 or > 100)
        {
            problems.Add($"ExpectedPacketLossPercent must be 0-100 (got {ExpectedPacketLossPercent}).");
        }

        if (!Enum.IsDefined(Application))
        {
            problems.Add($"Application {(int)Application} is not an OpusApplicationKind.");
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Opus encoder options: " + string.Join(" ", problems));
        }
    }
}
