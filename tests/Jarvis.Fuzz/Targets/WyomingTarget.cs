using System.Buffers;
using Jarvis.Fuzz.Support;
using Jarvis.Server.Wyoming;

namespace Jarvis.Fuzz.Targets;

/// <summary>
/// The Wyoming event reader over a byte stream in pieces, and what the server reads from each event (audio format, text,
/// the info event's programs). Documented error: <see cref="WyomingProtocolException"/>. Input: one flags byte (bits 0-5
/// the piece size, bit 6 small limits), then the stream.
/// </summary>
internal sealed class WyomingTarget : FuzzTarget
{
    private static readonly WyomingLimits Small = new() { MaxHeaderBytes = 256, MaxDataBytes = 256, MaxPayloadBytes = 256 };

    public override string Name => "wyoming";

    public override string Description => "Wyoming event reader and event fields (Jarvis.Server/Wyoming)";

    public override IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Jarvis.Server.dll"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        var cursor = new FuzzCursor(input);
        var flags = cursor.NextByte();
        var limits = (flags & 0x40) != 0 ? Small : WyomingLimits.Default;
        var buffer = SegmentedSequence.Create(cursor.Rest.ToArray(), 1 + (flags & 0x3f));
        try
        {
            while (WyomingEventReader.TryRead(ref buffer, limits, out var evt))
            {
                Use(evt ?? throw new FuzzDefectException("TryRead returned true without an event"));
            }
        }
        catch (WyomingProtocolException)
        {
            // The documented answer to a malformed stream: the connection is dropped.
        }
    }

    public override IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        var format = AudioFormat.Speech16K;
        WyomingEvent[] session =
        [
            WyomingEvents.Describe(),
            WyomingEvents.Transcribe("en"),
            WyomingEvents.AudioStart(format, 0),
            WyomingEvents.AudioChunk(format, new byte[64], 20),
            WyomingEvents.AudioStop(40),
            new(WyomingEventTypes.Transcript, new() { ["text"] = "turn on the kitchen light" }),
            WyomingEvents.Error("model failed", "asr-error"),
            WyomingEvents.Synthesize("hello", "en_US-amy"),
        ];
        yield return ("session", [0x3f, .. Write(session)]);
        yield return ("session-pieces", [0x06, .. Write(session)]);
        yield return ("info", [0x3f, .. "{\"type\":\"info\",\"data\":{\"asr\":[{\"name\":\"faster-whisper\",\"supports_transcript_streaming\":true,\"models\":[{\"name\":\"tiny-int8\",\"languages\":[\"en\",\"de\"]}]}],\"tts\":[{\"name\":\"piper\",\"voices\":[{\"name\":\"amy\",\"languages\":[\"en_US\"]}]}],\"wake\":[]}}\n"u8]);
        yield return ("inline-and-block", [0x3f, .. "{\"type\":\"audio-chunk\",\"data\":{\"rate\":16000},\"data_length\":26,\"payload_length\":4}\n{\"width\":2,\"channels\":1}\n\u0001\u0002\u0003\u0004"u8]);
    }

    private static byte[] Write(IEnumerable<WyomingEvent> events)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WyomingEventWriter();
        foreach (var evt in events)
        {
            writer.Write(evt, output);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Use(WyomingEvent evt)
    {
        _ = WyomingEvents.ReadFormat(evt);
        _ = evt.GetString("text");
        _ = evt.GetInt64("timestamp");
        _ = evt.GetBoolean("is_final");
        _ = evt.ToString();
        if (evt.Type == WyomingEventTypes.Info)
        {
            _ = WyomingInfo.Parse(evt).ToString();
        }
    }
}
