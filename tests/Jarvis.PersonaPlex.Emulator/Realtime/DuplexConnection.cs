using System.Net.WebSockets;
using System.Text.Json;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>
/// One client of the emulated duplex route, as <c>serving.py:handle_realtime_session</c> runs it: the autostart or the first
/// message (10 s), admission, validation of the session (an open failure is one error event, then the socket closes),
/// <c>session.created</c> + <c>session.updated</c>, then the command loop (<see cref="DuplexConnection"/>.Commands.cs).
/// </summary>
internal sealed partial class DuplexConnection
{
    private readonly WebSocket _socket;
    private readonly RealtimeSessionRecord _record;
    private readonly RealtimeEmulatorOptions _options;
    private readonly Admission _admission;
    private readonly IncomingFrames _incoming;
    private readonly EventSender _events;
    private readonly string? _queryModel;
    private readonly bool _autostart;
    private SessionSettings? _settings;
    private ModelRunner? _runner;
    private Task _running = Task.CompletedTask;
    private CancellationTokenSource? _stopModel;

    public DuplexConnection(WebSocket socket, RealtimeSessionRecord record, RealtimeEmulatorOptions options, Admission admission)
    {
        _socket = socket;
        _record = record;
        _options = options;
        _admission = admission;
        _incoming = new IncomingFrames(socket);
        _events = new EventSender(socket, record);
        record.Sender = _events;
        _queryModel = record.Query.GetValueOrDefault("model");
        var resumeOnly = record.Query.GetValueOrDefault("autostart")?.ToLowerInvariant() is "0" or "false" or "no" or "off"
            || record.Query.GetValueOrDefault("resume")?.ToLowerInvariant() is "1" or "true" or "yes" or "on";
        _autostart = _queryModel is not null && !resumeOnly;
    }

    /// <summary>Runs the connection; returns the reason it ended.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _incoming.Start(stopReceiving.Token);
        try
        {
            if (_autostart)
            {
                return await OpenAsync(null, null, opening: null, cancellationToken).ConfigureAwait(false)
                    ?? await CommandLoopAsync(cancellationToken).ConfigureAwait(false);
            }

            return await FirstMessageAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await StopModelAsync().ConfigureAwait(false);
            await stopReceiving.CancelAsync().ConfigureAwait(false);
            await _incoming.Receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<string> FirstMessageAsync(CancellationToken cancellationToken)
    {
        IncomingFrame? first;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_options.ConfigTimeout);
            try
            {
                first = await _incoming.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false) && _incoming.Reader.TryRead(out var frame) ? frame : null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return await FailAsync(new WireError("config_timeout", "Timeout waiting for session.update"), cancellationToken).ConfigureAwait(false);
            }
        }

        if (first is null)
        {
            return "disconnect";
        }

        if (first.Text is null)
        {
            return await FailAsync(first.Binary ? TransportError() : new WireError("event_too_large", "Duplex event too large"), cancellationToken, "transport_error").ConfigureAwait(false);
        }

        JsonElement message;
        try
        {
            message = JsonDocument.Parse(first.Text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return await FailAsync(new WireError("invalid_json", "Invalid JSON in session.update"), cancellationToken).ConfigureAwait(false);
        }

        if (message.ValueKind != JsonValueKind.Object)
        {
            return await FailAsync(new WireError("bad_event", "Realtime event must be a JSON object"), cancellationToken).ConfigureAwait(false);
        }

        var type = message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var eventId = EventId(message);
        _record.ClientEvents.Enqueue(type ?? string.Empty);
        switch (type)
        {
            case "session.update":
                var session = message.TryGetProperty("session", out var s) && s.ValueKind == JsonValueKind.Object ? s : WithoutType(message);
                return await OpenAsync(session, eventId, opening: "session.update", cancellationToken).ConfigureAwait(false)
                    ?? await CommandLoopAsync(cancellationToken).ConfigureAwait(false);
            case "session.resume":
                return await FailAsync(ResumeError(message, eventId), cancellationToken).ConfigureAwait(false);
            default:
                // Any other event opens the default session and then runs as the first command.
                return await OpenAsync(null, null, opening: null, cancellationToken).ConfigureAwait(false)
                    ?? await HandleAsync(message, type, eventId, cancellationToken).ConfigureAwait(false)
                    ?? await CommandLoopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Admission, then validation; null when the session is open, else the reason the connection ended.</summary>
    private async Task<string?> OpenAsync(JsonElement? session, string? eventId, string? opening, CancellationToken cancellationToken)
    {
        if (!_admission.TryAdmit())
        {
            return await FailAsync(new WireError("resource_exhausted", $"duplex_session_capacity_exhausted: limit={_options.MaxSessions}", eventId), cancellationToken).ConfigureAwait(false);
        }

        if (SessionSettings.Open(session, _queryModel, _options, eventId, out var settings) is { } refused)
        {
            _admission.Release();
            return await FailAsync(refused, cancellationToken).ConfigureAwait(false);
        }

        _settings = settings;
        _record.Voice = settings.Voice;
        _record.Instructions = settings.Instructions;
        var id = "sess_" + Guid.NewGuid().ToString("N");
        _record.Open(id);
        await _events.SendAsync(WireEvents.Session("session.created", id, settings, _options.MaxSessions), cancellationToken).ConfigureAwait(false);
        if (opening == "session.update")
        {
            await _events.SendAsync(WireEvents.Session("session.updated", id, settings, _options.MaxSessions), cancellationToken).ConfigureAwait(false);
        }

        _stopModel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _runner = new ModelRunner(_record, _options, settings, _events);
        _running = _runner.RunAsync(_stopModel.Token);
        return null;
    }

    /// <summary>An open failure: one error, then the socket closes (1000).</summary>
    private async Task<string> FailAsync(WireError error, CancellationToken cancellationToken, string? reason = null)
    {
        await _events.ErrorAsync(error, cancellationToken).ConfigureAwait(false);
        await _events.CloseAsync(reason ?? error.Code, _incoming.Closed).ConfigureAwait(false);
        return error.Code;
    }

    /// <summary>Ends the model; the session's slot is freed after the stage cleanup.</summary>
    private async Task StopModelAsync()
    {
        if (_runner is not { } runner)
        {
            return;
        }

        _runner = null;
        _record.ResidualSamplesDropped = runner.Stop();
        await _stopModel!.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopModel.Dispose();
        if (_options.CleanupDelay > TimeSpan.Zero)
        {
            await Task.Delay(_options.CleanupDelay).ConfigureAwait(false);
        }

        _admission.Release();
    }

    private static WireError TransportError() => new("realtime_input_failed", "Realtime input failed: binary frames are not accepted");

    private static WireError ResumeError(JsonElement message, string? eventId)
    {
        var id = message.TryGetProperty("session_id", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var token = message.TryGetProperty("resume_token", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var sequence = message.TryGetProperty("last_server_event_seq", out var q) && q.ValueKind == JsonValueKind.Number && q.TryGetInt64(out var n) && n >= 0;
        return string.IsNullOrEmpty(id) || string.IsNullOrEmpty(token) || !sequence
            ? new WireError("invalid_session_resume", "session.resume requires session_id, resume_token, and a non-negative event sequence", eventId)
            : new WireError("session_resume_expired", $"Unknown or expired duplex session: {id}", eventId);
    }

    private static string? EventId(JsonElement message) =>
        message.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static JsonElement WithoutType(JsonElement message)
    {
        var copy = new Dictionary<string, JsonElement>();
        foreach (var property in message.EnumerateObject().Where(p => p.Name != "type"))
        {
            copy[property.Name] = property.Value;
        }

        return JsonSerializer.SerializeToElement(copy);
    }
}
