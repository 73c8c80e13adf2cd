using System.Text.Json;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>The command loop of an open session (spec §4, §6, §8, §9): one client event at a time.</summary>
internal sealed partial class DuplexConnection
{
    private async Task<string> CommandLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            IncomingFrame? frame;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                idle.CancelAfter(TimeSpan.FromSeconds(_settings!.IdleTimeoutSeconds));
                try
                {
                    frame = await _incoming.Reader.WaitToReadAsync(idle.Token).ConfigureAwait(false) && _incoming.Reader.TryRead(out var next) ? next : null;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await StopModelAsync().ConfigureAwait(false);
                    await _events.CloseAsync("disconnect", _incoming.Closed).ConfigureAwait(false);
                    return "idle_timeout";
                }
            }

            if (frame is null)
            {
                return "disconnect"; // the client left without session.close: closed with reason disconnect
            }

            if (frame.Binary)
            {
                await _events.ErrorAsync(TransportError(), cancellationToken).ConfigureAwait(false);
                await StopModelAsync().ConfigureAwait(false);
                await _events.CloseAsync("transport_error", _incoming.Closed).ConfigureAwait(false);
                return "transport_error";
            }

            if (frame.TooLarge)
            {
                await _events.ErrorAsync(new WireError("event_too_large", "Duplex event too large"), cancellationToken).ConfigureAwait(false);
                continue;
            }

            JsonElement message;
            try
            {
                message = JsonDocument.Parse(frame.Text!).RootElement.Clone();
            }
            catch (JsonException)
            {
                await _events.ErrorAsync(new WireError("invalid_json", "Invalid JSON event"), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String)
            {
                await _events.ErrorAsync(new WireError("bad_event", "Duplex event must be a JSON object with a type"), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var type = t.GetString()!;
            _record.ClientEvents.Enqueue(type);
            if (await HandleAsync(message, type, EventId(message), cancellationToken).ConfigureAwait(false) is { } ended)
            {
                return ended;
            }
        }
    }

    /// <summary>Runs one client event; returns the reason when it ended the connection.</summary>
    private async Task<string?> HandleAsync(JsonElement message, string? type, string? eventId, CancellationToken cancellationToken)
    {
        var runner = _runner!;
        WireError? error = null;
        switch (type)
        {
            case "input_audio_buffer.append":
                error = runner.DeadEpochError(eventId);
                if (error is null)
                {
                    error = AppendDecoder.Decode(message, _settings!, runner.PendingBytes, eventId, out var samples);
                    if (error is null)
                    {
                        runner.Append(samples);
                    }
                }

                break;
            case "session.update":
                var session = message.TryGetProperty("session", out var s) && s.ValueKind == JsonValueKind.Object ? s : WithoutType(message);
                error = _settings!.Update(session, eventId);
                if (error is null)
                {
                    await _events.SendAsync(WireEvents.Session("session.updated", _record.SessionId!, _settings, _options.MaxSessions), cancellationToken).ConfigureAwait(false);
                }

                break;
            case "response.cancel":
                runner.Restart(clear: false);
                break;
            case "output_audio_buffer.clear":
                runner.Restart(clear: true);
                break;
            case "input_audio_buffer.clear":
                runner.ClearPartial();
                await _events.SendAsync(WireEvents.Build("input_audio_buffer.cleared"), cancellationToken).ConfigureAwait(false);
                break;
            case "session.close" or "close" or "close_session":
                return await CloseSessionAsync(Text(message, "reason") ?? "client_close", cancellationToken).ConfigureAwait(false);
            case "session.heartbeat":
                await _events.SendAsync(WireEvents.Build("session.heartbeat_ack", json => json.WriteString("session_id", _record.SessionId)), cancellationToken).ConfigureAwait(false);
                break;
            case "playback.ack" or "audio.playback_ack":
                error = await PlaybackAckAsync(message, type, eventId, cancellationToken).ConfigureAwait(false);
                break;
            case "session.event_ack":
                error = message.TryGetProperty("server_event_seq", out var seq) && seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out var n) && n >= 0
                    ? null
                    : new WireError("invalid_event_ack", "session.event_ack requires a non-negative integer server_event_seq", eventId);
                break;
            case "session.resume" or "conversation.item.retrieve":
                error = new WireError("unsupported_session_resume", "session.resume must be the first message of a new connection", eventId);
                break;
            case "input_audio_buffer.commit" or "response.create" or "input.text.append" or "barge_in" or "turn.signal":
            case not null when type.StartsWith("conversation.item.", StringComparison.Ordinal):
                break; // accepted; what a PersonaPlex session then does is not confirmed (spec §4)
            default:
                error = new WireError("unknown_event", $"Unknown duplex event type: {type}", eventId);
                break;
        }

        if (error is not null)
        {
            await _events.ErrorAsync(error, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private async Task<WireError?> PlaybackAckAsync(JsonElement message, string type, string? eventId, CancellationToken cancellationToken)
    {
        if (!message.TryGetProperty("played_ms", out var played) || played.ValueKind != JsonValueKind.Number)
        {
            return new WireError("bad_event", "playback.ack requires numeric played_ms", eventId);
        }

        await _events.SendAsync(WireEvents.Build("playback.acknowledged", json =>
        {
            json.WriteStartObject("event");
            json.WriteString("type", type);
            json.WriteNumber("played_ms", played.GetDouble());
            json.WriteEndObject();
        }), cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary><c>session.close</c>: the model stops, the slot is freed, then <c>session.closed</c> and a close frame (1000, the reason).</summary>
    private async Task<string> CloseSessionAsync(string reason, CancellationToken cancellationToken)
    {
        await StopModelAsync().ConfigureAwait(false);
        await _events.SendAsync(WireEvents.Build("session.closed", json =>
        {
            json.WriteString("session_id", _record.SessionId);
            json.WriteString("reason", reason);
            json.WriteStartObject("event");
            json.WriteString("type", "closed");
            json.WriteString("reason", reason);
            json.WriteEndObject();
        }), cancellationToken).ConfigureAwait(false);
        await _events.CloseAsync(reason, _incoming.Closed).ConfigureAwait(false);
        return reason;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
