using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Protocol.Link;

/// <summary>The outcome of reading one frame. A ref struct: the audio payload points into the caller's buffer.</summary>
public readonly ref struct LinkReadResult
{
    private LinkReadResult(LinkReadKind kind, LinkAudioHeader audio, ReadOnlySpan<byte> payload, LinkMessage? message,
        string? ignoredType, int closeCode, string? closeReason)
    {
        Kind = kind;
        Audio = audio;
        Payload = payload;
        Message = message;
        IgnoredType = ignoredType;
        CloseCode = closeCode;
        CloseReason = closeReason;
    }

    /// <summary>What was found.</summary>
    public LinkReadKind Kind { get; }

    /// <summary>The audio header (for <see cref="LinkReadKind.Audio"/>).</summary>
    public LinkAudioHeader Audio { get; }

    /// <summary>The audio payload, a slice of the frame that was read (for <see cref="LinkReadKind.Audio"/>).</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>The control message (for <see cref="LinkReadKind.Control"/>).</summary>
    public LinkMessage? Message { get; }

    /// <summary>The unknown message type, or "binary" for an unknown audio direction or codec (for <see cref="LinkReadKind.Ignored"/>).</summary>
    public string? IgnoredType { get; }

    /// <summary>The WebSocket close code, one of <see cref="LinkCloseCodes"/> (for <see cref="LinkReadKind.Fatal"/>).</summary>
    public int CloseCode { get; }

    /// <summary>The close reason, at most <see cref="LinkProtocol.MaxCloseReasonBytes"/> UTF-8 bytes (for <see cref="LinkReadKind.Fatal"/>).</summary>
    public string? CloseReason { get; }

    internal static LinkReadResult ForAudio(LinkAudioHeader header, ReadOnlySpan<byte> payload) =>
        new(LinkReadKind.Audio, header, payload, null, null, 0, null);

    internal static LinkReadResult ForControl(LinkMessage message) =>
        new(LinkReadKind.Control, default, default, message, null, 0, null);

    internal static LinkReadResult ForIgnored(string type) =>
        new(LinkReadKind.Ignored, default, default, null, type, 0, null);

    internal static LinkReadResult ForFatal(int closeCode, string reason) =>
        new(LinkReadKind.Fatal, default, default, null, null, closeCode, CloseReasons.Truncate(reason));
}
