using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex.Realtime;

/// <summary>A bare client of the emulated <c>/v1/realtime</c>: sends JSON (or anything), reads events one by one.</summary>
internal sealed class RawRealtimeSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<RawRealtimeSocket> ConnectAsync(Uri url, string query = "duplex=1&model=nvidia/personaplex-7b-v1&autostart=0", string? apiKey = null)
    {
        var raw = new RawRealtimeSocket();
        if (apiKey is not null)
        {
            raw._socket.Options.SetRequestHeader("Authorization", "Bearer " + apiKey);
        }

        await raw._socket.ConnectAsync(new UriBuilder(url) { Query = query }.Uri, CancellationToken.None);
        return raw;
    }

    /// <summary>Opens a session with voice/persona and pcm_f32le at 24 kHz; returns session.created.</summary>
    public async Task<JsonElement> OpenAsync(string voice = "NATF2.pt", string instructions = "You are a test.")
    {
        await SendAsync(new { type = "session.update", session = new { voice, instructions, input_audio_format = "pcm_f32le", sample_rate_hz = 24000, output_audio_format = "pcm16", turn_detection = (object?)null } });
        return await NextAsync("session.created");
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] bytes) => _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>An append of <paramref name="samples"/> as pcm_f32le at 24 kHz.</summary>
    public Task AppendAsync(float[] samples, int? rate = 24000, string format = "pcm_f32le") =>
        SendAsync(rate is null
            ? new { type = "input_audio_buffer.append", format, audio = Convert.ToBase64String(MemoryMarshal.AsBytes(samples.AsSpan())) }
            : new { type = "input_audio_buffer.append", format, sample_rate_hz = (object)rate, audio = Convert.ToBase64String(MemoryMarshal.AsBytes(samples.AsSpan())) });

    /// <summary>The next event, or null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.Deadline);
        var buffer = new byte[1 << 20];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            return null;
        }

        return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
    }

    /// <summary>Skips events until one of <paramref name="type"/> arrives.</summary>
    public async Task<JsonElement> NextAsync(string type)
    {
        while (await ReceiveAsync() is { } next)
        {
            if (next.GetProperty("type").GetString() == type)
            {
                return next;
            }
        }

        throw new InvalidOperationException($"the server closed before sending {type}");
    }

    /// <summary>The next error event's <c>error</c> object.</summary>
    public async Task<JsonElement> ErrorAsync() => (await NextAsync("error")).GetProperty("error");

    /// <summary>Reads until the server closes; true when it did.</summary>
    public async Task<bool> ClosedAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return true;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
