using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Jarvis.Fuzz.Support;
using Jarvis.Server.PersonaPlex.Realtime;

namespace Jarvis.Fuzz.Targets;

/// <summary>
/// The Realtime (vLLM-Omni) client's reading of server events, as <c>RealtimeConnection.Dispatch</c> does it: classify
/// with <see cref="ServerEventReader"/>, then the delta (text or base64 audio), the session id, the close reason or the
/// error. None of these throws. Input: messages as in <see cref="Messages"/>.
/// </summary>
internal sealed class RealtimeTarget : FuzzTarget
{
    public override string Name => "realtime";

    public override string Description => "PersonaPlex Realtime server event reader (Jarvis.Server/PersonaPlex/Realtime)";

    public override IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Jarvis.Server.dll"];

    public override void Run(ReadOnlySpan<byte> input) => Messages.ForEach(input, 0, static (_, message) => Read(message));

    public override IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        var pcm = Convert.ToBase64String(Enumerable.Range(0, 96).Select(i => (byte)i).ToArray());
        string[] events =
        [
            """{"type":"session.created","event_id":"e1","session":{"id":"sess_1","object":"realtime.session"}}""",
            """{"type":"session.updated","session":{"voice":"NATF2.pt"}}""",
            """{"type":"response.created","response":{"id":"r1"}}""",
            $$"""{"type":"response.output_audio.delta","response_id":"r1","item_id":"i1","delta":"{{pcm}}"}""",
            """{"type":"response.output_audio_transcript.delta","delta":"Hello \u00e9 there"}""",
            """{"type":"response.done","response":{"status":"completed"}}""",
            """{"type":"error","error":{"type":"server_error","code":"resource_exhausted","message":"duplex_session_capacity_exhausted: limit=2"}}""",
            """{"type":"session.closed","reason":"idle"}""",
        ];
        yield return ("session", Messages.Join([.. events.Select(e => Encoding.UTF8.GetBytes(e))]));
        yield return ("escaped-audio", Messages.Join(Encoding.UTF8.GetBytes($$"""{"delta":"{{pcm[..8]}}\/{{pcm[8..]}}","type":"response.audio.delta"}""")));
    }

    private static void Read(ReadOnlySpan<byte> message)
    {
        var received = ServerEventReader.Read(message);
        if (received.HasDelta && (received.DeltaStart < 1 || received.DeltaStart + received.DeltaLength >= message.Length))
        {
            throw new FuzzDefectException($"delta at {received.DeltaStart}+{received.DeltaLength} outside a {message.Length}-byte event");
        }

        switch (received.Kind)
        {
            case ServerEventKind.AudioDelta when received.HasDelta:
                ReadOnlySpan<byte> base64 = received.DeltaEscaped
                    ? Encoding.UTF8.GetBytes(RealtimeConnection.DeltaText(message, received))
                    : message.Slice(received.DeltaStart, received.DeltaLength);
                var pcm = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(base64.Length) + 1);
                Base64.DecodeFromUtf8(base64, pcm, out _, out _);
                ArrayPool<byte>.Shared.Return(pcm);
                break;
            case ServerEventKind.TextDelta when received.HasDelta:
                _ = RealtimeConnection.DeltaText(message, received);
                break;
            case ServerEventKind.SessionCreated:
                _ = ServerEventDetails.ReadId(message);
                break;
            case ServerEventKind.SessionClosed:
                _ = ServerEventDetails.ReadCloseReason(message);
                break;
            case ServerEventKind.Error:
                var error = RealtimeServerError.Parse(message);
                _ = (error.Kind, error.AdvertisedLimit, error.ToString());
                break;
        }
    }
}
