using System.Text.Json;
using System.Text.Unicode;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// Classifies one server event with a <see cref="Utf8JsonReader"/> over the received bytes: the <c>type</c> and the position
/// of the top-level <c>delta</c>; nested objects (metadata, session, error) are skipped. Allocation-free; never throws.
/// </summary>
internal static class ServerEventReader
{
    public static ServerEvent Read(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            // Utf8JsonReader checks UTF-8 only where a string is decoded: the details read later would throw.
            return ServerEvent.Unreadable;
        }

        var reader = new Utf8JsonReader(json);
        var kind = ServerEventKind.Unreadable;
        int deltaStart = -1, deltaLength = 0;
        var escaped = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ServerEvent.Unreadable;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        kind = Classify(ref reader);
                    }
                }
                else if (reader.ValueTextEquals("delta"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        deltaStart = (int)reader.TokenStartIndex + 1;
                        deltaLength = reader.ValueSpan.Length;
                        escaped = reader.ValueIsEscaped;
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a lone surrogate escape in a name or the type, which ValueTextEquals cannot unescape.
            return ServerEvent.Unreadable;
        }

        return kind == ServerEventKind.Unreadable ? ServerEvent.Unreadable : new ServerEvent(kind, deltaStart, deltaLength, escaped);
    }

    private static ServerEventKind Classify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("response.output_audio.delta"u8) || reader.ValueTextEquals("response.audio.delta"u8))
        {
            return ServerEventKind.AudioDelta;
        }

        if (reader.ValueTextEquals("response.output_audio_transcript.delta"u8)
            || reader.ValueTextEquals("response.output_text.delta"u8)
            || reader.ValueTextEquals("response.text.delta"u8))
        {
            return ServerEventKind.TextDelta;
        }

        return reader.ValueTextEquals("error"u8) ? ServerEventKind.Error
            : reader.ValueTextEquals("session.created"u8) ? ServerEventKind.SessionCreated
            : reader.ValueTextEquals("session.updated"u8) ? ServerEventKind.SessionUpdated
            : reader.ValueTextEquals("session.closed"u8) ? ServerEventKind.SessionClosed
            : reader.ValueTextEquals("response.created"u8) ? ServerEventKind.ResponseCreated
            : reader.ValueTextEquals("response.done"u8) ? ServerEventKind.ResponseDone
            : ServerEventKind.Other;
    }
}
