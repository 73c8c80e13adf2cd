using System.Net.WebSockets;
using Jarvis.Fuzz.Support;
using Jarvis.Protocol.Tests.Ogg;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.PersonaPlex.Client;

namespace Jarvis.Fuzz.Targets;

/// <summary>
/// The Moshi client's handling of PersonaPlex's binary messages (kind byte; handshake, Ogg audio pages split or joined
/// across messages, text pieces). Documented error: <see cref="PersonaPlexException"/> for a broken audio stream.
/// Input: messages as in <see cref="Messages"/>.
/// </summary>
internal sealed class PersonaPlexTarget : FuzzTarget
{
    private static readonly Uri Endpoint = new("wss://personaplex.invalid/api/chat");

    public override string Name => "personaplex";

    public override string Description => "PersonaPlex (Moshi) client message reader (Jarvis.Server/PersonaPlex/Client)";

    public override void Run(ReadOnlySpan<byte> input)
    {
        using var socket = new ClientWebSocket();
        var connection = new PersonaPlexConnection(socket, Endpoint, TimeProvider.System);
        try
        {
            Messages.ForEach(input, connection, static (c, message) =>
            {
                if (!message.IsEmpty)
                {
                    c.Dispatch(message); // The receive loop never dispatches an empty message.
                }
            });
        }
        catch (PersonaPlexException)
        {
            // Documented: the connection is dropped with this error.
        }
        finally
        {
            while (connection.Audio.Reader.TryRead(out var packet))
            {
                packet.Dispose();
            }
        }
    }

    public override IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        var audio = OggTestStreams.Write(Enumerable.Range(0, 4).Select(i => OggTestStreams.Packet(60 + i, i)));
        yield return ("session", Messages.Join(
            [0x00],
            [0x01, .. PersonaPlexPages.Page0],
            [0x01, .. PersonaPlexPages.Page1],
            [0x02, .. " Hello"u8],
            [0x02, .. "<pad>"u8],
            [0x06],
            [0x01, .. audio.AsSpan(0, 90)],
            [0x01, .. audio.AsSpan(90)]));
        yield return ("joined-pages", Messages.Join([0x00], [0x01, .. audio], [0x05, .. "overloaded"u8]));
    }
}
