using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Tests.Link;

/// <summary>
/// A strict in-process link server on 127.0.0.1: checks every frame with the protocol's reader (closing on
/// anything the real server would reject), answers hello with welcome (or reject for a wrong token),
/// records what the satellite sends, answers pings, and can echo the uplink back as downlink.
/// </summary>
internal sealed partial class TestLinkServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly SemaphoreSlim echoLock = new(1, 1);
    private uint echoSequence = 1000;
    private readonly List<(uint Sequence, byte[] Payload)> uplinkSinceEcho = [];
    private WebSocket? current;

    private TestLinkServer(WebApplication app) => this.app = app;

    public string Token { get; set; } = "secret-token";

    public bool ConversationActive { get; set; }

    /// <summary>What welcome offers as <c>wake_packet_ms</c> (null: not offered).</summary>
    public int? WakePacketMs { get; set; }

    /// <summary>After each voice stop, send that utterance's uplink packets back as downlink.</summary>
    public bool EchoAfterVoiceStop { get; set; }

    public Uri Uri { get; private set; } = null!;

    public ConcurrentQueue<LinkMessage> Received { get; } = new();

    public ConcurrentQueue<(uint Sequence, byte[] Payload)> Uplink { get; } = new();

    public int Connections;

    public int Welcomes;

    public int EchoedPackets;

    public bool EchoDone { get; private set; }

    public static async Task<TestLinkServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new TestLinkServer(app);
        app.UseWebSockets();
        app.Map(LinkProtocol.Path, server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + LinkProtocol.Path);
        return server;
    }

    public int Port => Uri.Port;

    public IEnumerable<T> ReceivedOf<T>() => Received.OfType<T>();

    public Task SendAsync(LinkMessage message) => SendAsync(LinkMessageWriter.ToUtf8(message), WebSocketMessageType.Text);

    public Task SendAudioAsync(uint sequence, ReadOnlySpan<byte> opus)
    {
        var frame = new byte[AudioFrameCodec.FrameLength(opus.Length)];
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Downlink, LinkCodec.Opus, sequence, 0), opus, frame);
        return SendAsync(frame, WebSocketMessageType.Binary);
    }

    /// <summary>Drops the connection without a close handshake (network loss / server crash).</summary>
    public void AbortConnection() => current?.Abort();

    public async ValueTask DisposeAsync()
    {
        AbortConnection();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref Connections);
        current = socket;
        var reader = new LinkMessageReader(LinkPeer.Server);
        using var assembler = new LinkFrameAssembler();
        var welcomed = false;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(assembler.GetMemory(), context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var status = assembler.Advance(result.Count, result.EndOfMessage);
                if (status == FragmentStatus.TooLarge)
                {
                    await CloseAsync(socket, LinkCloseCodes.FrameTooLarge, "too large");
                    return;
                }

                if (status != FragmentStatus.Complete)
                {
                    continue;
                }

                var type = result.MessageType == WebSocketMessageType.Text ? LinkFrameType.Text : LinkFrameType.Binary;
                var (close, reason) = await OnMessageAsync(reader, type, assembler.MessageMemory.ToArray(), welcomed);
                if (close != 0)
                {
                    await CloseAsync(socket, close, reason!);
                    return;
                }

                welcomed = true;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
    }

    private async Task SendAsync(byte[] data, WebSocketMessageType type)
    {
        var socket = current;
        if (socket is null)
        {
            return;
        }

        await sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(data, type, endOfMessage: true, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            sendLock.Release();
        }
    }

    private static async Task CloseAsync(WebSocket socket, int code, string reason)
    {
        try
        {
            await socket.CloseAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
    }
}
