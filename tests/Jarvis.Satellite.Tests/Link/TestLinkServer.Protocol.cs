using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Satellite.Tests.Link;

/// <summary>The protocol side of the test server: what it answers and records.</summary>
internal sealed partial class TestLinkServer
{
    private async Task<(int Close, string? Reason)> OnMessageAsync(LinkMessageReader reader, LinkFrameType type, byte[] data, bool welcomed)
    {
        LinkMessage? message = null;
        var result = reader.Read(type, data);
        switch (result.Kind)
        {
            case LinkReadKind.Fatal:
                return (result.CloseCode, result.CloseReason);
            case LinkReadKind.Audio when !welcomed:
                return (LinkCloseCodes.ProtocolViolation, "audio before hello");
            case LinkReadKind.Audio:
                var packet = (result.Audio.Sequence, result.Payload.ToArray());
                Uplink.Enqueue(packet);
                lock (uplinkSinceEcho)
                {
                    uplinkSinceEcho.Add(packet);
                }

                return (0, null);
            case LinkReadKind.Control:
                message = result.Message!;
                break;
            default:
                return (0, null);
        }

        Received.Enqueue(message);
        return await OnControlAsync(message, welcomed);
    }

    private async Task<(int Close, string? Reason)> OnControlAsync(LinkMessage message, bool welcomed)
    {
        switch (message)
        {
            case HelloMessage when welcomed:
                return (LinkCloseCodes.ProtocolViolation, "second hello");
            case HelloMessage hello when hello.Token != Token:
                await SendAsync(new RejectMessage(RejectReason.BadToken, "wrong token for " + hello.SatelliteId));
                return (LinkCloseCodes.AuthenticationFailed, "bad token");
            case HelloMessage:
                var stream = new AudioStreamParameters(LinkCodec.Opus, 16000, 20);
                await SendAsync(new WelcomeMessage(LinkProtocol.Version, "test-server", "s" + Connections, stream, stream, ConversationActive, 1000, WakePacketMs));
                Interlocked.Increment(ref Welcomes);
                return (0, null);
            case not HelloMessage when !welcomed:
                return (LinkCloseCodes.ProtocolViolation, "hello first");
            case PingMessage ping:
                await SendAsync(new PongMessage(ping.T0, 1, 2));
                return (0, null);
            case VoiceActivityMessage { State: VoiceActivityState.Stop } when EchoAfterVoiceStop:
                _ = Task.Run(EchoUplinkAsync);
                return (0, null);
            default:
                return (0, null);
        }
    }

    /// <summary>Sends the utterance back at once (a burst, like synthesised speech), numbering on across utterances.</summary>
    private async Task EchoUplinkAsync()
    {
        await echoLock.WaitAsync();
        try
        {
            (uint, byte[])[] packets;
            lock (uplinkSinceEcho)
            {
                packets = [.. uplinkSinceEcho];
                uplinkSinceEcho.Clear();
            }

            foreach (var (_, payload) in packets)
            {
                await SendAudioAsync(echoSequence++, payload);
                Interlocked.Increment(ref EchoedPackets);
            }

            EchoDone = true;
        }
        finally
        {
            echoLock.Release();
        }
    }
}
