using System.Text.Json;
using System.Text.Unicode;
using Jarvis.Protocol.Link.Internal;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Protocol.Link;

/// <summary>
/// Classifies one complete WebSocket message for the side that reads it: audio, control, ignored (unknown type, codec
/// or direction; counted) or fatal (close code and reason). Never throws on bad input; audio allocates nothing.
/// One reader per connection; the counters may be read from any thread.
/// </summary>
public sealed class LinkMessageReader(LinkPeer reader)
{
    private readonly LinkPeer _sender = reader == LinkPeer.Server ? LinkPeer.Satellite : LinkPeer.Server;
    private readonly StreamDirection _expectedDirection =
        reader == LinkPeer.Server ? StreamDirection.Uplink : StreamDirection.Downlink;

    private long _audioFrames;
    private long _controlMessages;
    private long _ignored;
    private long _fatal;

    /// <summary>The side this reader reads for.</summary>
    public LinkPeer Reader { get; } = reader;

    /// <summary>Audio frames read.</summary>
    public long AudioFrames => Interlocked.Read(ref _audioFrames);

    /// <summary>Control messages read.</summary>
    public long ControlMessages => Interlocked.Read(ref _controlMessages);

    /// <summary>Messages ignored because their type, codec or direction is unknown to this version.</summary>
    public long UnknownIgnored => Interlocked.Read(ref _ignored);

    /// <summary>Frames that were malformed, too large, of another version or not allowed (each ends the connection).</summary>
    public long Rejected => Interlocked.Read(ref _fatal);

    /// <summary>Reads one complete message.</summary>
    public LinkReadResult Read(LinkFrameType frameType, ReadOnlySpan<byte> frame) =>
        frameType == LinkFrameType.Binary ? ReadAudio(frame) : ReadControl(frame);

    private LinkReadResult ReadAudio(ReadOnlySpan<byte> frame)
    {
        switch (AudioFrameCodec.TryRead(frame, out var header, out var payload))
        {
            case AudioFrameStatus.Ok when header.Direction == _expectedDirection:
                Interlocked.Increment(ref _audioFrames);
                return LinkReadResult.ForAudio(header, payload);
            case AudioFrameStatus.Ok:
                return Fatal(LinkCloseCodes.ProtocolViolation, "audio frame in the wrong direction");
            case AudioFrameStatus.UnknownDirection or AudioFrameStatus.UnknownCodec:
                Interlocked.Increment(ref _ignored);
                return LinkReadResult.ForIgnored("binary");
            case AudioFrameStatus.TooLarge:
                return Fatal(LinkCloseCodes.FrameTooLarge, "frame larger than 65536 bytes");
            case AudioFrameStatus.UnsupportedVersion:
                return Fatal(LinkCloseCodes.UnsupportedVersion, "audio frame version is not 1");
            case AudioFrameStatus.TooShort:
                return Fatal(LinkCloseCodes.MalformedFrame, "audio frame shorter than its 12-byte header");
            case AudioFrameStatus.EmptyPayload:
                return Fatal(LinkCloseCodes.MalformedFrame, "audio frame without payload");
            default:
                return Fatal(LinkCloseCodes.MalformedFrame, "PCM16 audio frame with an odd length");
        }
    }

    private LinkReadResult ReadControl(ReadOnlySpan<byte> frame)
    {
        if (frame.Length > LinkProtocol.MaxFrameBytes)
        {
            return Fatal(LinkCloseCodes.FrameTooLarge, "frame larger than 65536 bytes");
        }

        if (!Utf8.IsValid(frame))
        {
            return Fatal(LinkCloseCodes.MalformedFrame, "text frame is not valid UTF-8");
        }

        if (ControlTypeScanner.TryGetType(frame, out var type) is { } scanError)
        {
            return Fatal(LinkCloseCodes.MalformedFrame, scanError);
        }

        if (!LinkMessageTypes.Senders.TryGetValue(type!, out var senders))
        {
            Interlocked.Increment(ref _ignored);
            return LinkReadResult.ForIgnored(type!);
        }

        if (!LinkMessageTypes.MaySend(senders, _sender))
        {
            return Fatal(LinkCloseCodes.ProtocolViolation, $"'{type}' may not be sent by the {_sender.ToString().ToLowerInvariant()}");
        }

        LinkMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(frame, LinkJsonContext.Default.LinkMessage);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException
                                      or ArgumentException or FormatException or OverflowException)
        {
            return Fatal(LinkCloseCodes.MalformedFrame, $"invalid '{type}': {e.Message}");
        }

        return Check(message, type!);
    }

    private LinkReadResult Check(LinkMessage? message, string type)
    {
        if (message is null)
        {
            return Fatal(LinkCloseCodes.MalformedFrame, $"invalid '{type}'");
        }

        var version = message switch
        {
            HelloMessage hello => hello.ProtocolVersion,
            WelcomeMessage welcome => welcome.ProtocolVersion,
            _ => LinkProtocol.Version,
        };
        if (version != LinkProtocol.Version)
        {
            return Fatal(LinkCloseCodes.UnsupportedVersion, $"protocol version {version} is not supported (this side speaks 1)");
        }

        if (message.Validate() is { } problem)
        {
            return Fatal(LinkCloseCodes.MalformedFrame, problem);
        }

        Interlocked.Increment(ref _controlMessages);
        return LinkReadResult.ForControl(message);
    }

    private LinkReadResult Fatal(int closeCode, string reason)
    {
        Interlocked.Increment(ref _fatal);
        return LinkReadResult.ForFatal(closeCode, reason);
    }
}
