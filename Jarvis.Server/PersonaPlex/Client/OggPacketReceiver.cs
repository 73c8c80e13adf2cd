using System.Threading.Channels;
using Jarvis.Protocol.Ogg;
using Jarvis.Protocol.Opus;

namespace Jarvis.Server.PersonaPlex.Client;

/// <summary>
/// The incoming half of a PersonaPlex connection: unwraps the server's Ogg pages (strictly; they may be split or joined
/// across messages) into pooled Opus packets, skips header packets, and counts the audio received.
/// </summary>
internal sealed class OggPacketReceiver
{
    private readonly OggOpusReader _reader = new(new OggReaderOptions());
    private readonly Uri _endpoint;
    private readonly ChannelWriter<PersonaPlexAudioPacket> _output;
    private long _receivedSamples48k;

    public OggPacketReceiver(Uri endpoint, ChannelWriter<PersonaPlexAudioPacket> output)
    {
        _endpoint = endpoint;
        _output = output;
    }

    public double ReceivedSeconds => Interlocked.Read(ref _receivedSamples48k) / 48000.0;

    /// <summary>Reads the Ogg bytes of one 0x01 message; throws <see cref="PersonaPlexException"/> on a broken stream.</summary>
    public void Receive(ReadOnlySpan<byte> oggBytes, long arrivalTimestamp)
    {
        _reader.Append(oggBytes);
        while (true)
        {
            switch (_reader.TryReadPacket(out var packet))
            {
                case OggReadStatus.NeedMoreData:
                    return;
                case OggReadStatus.Error:
                    throw PersonaPlexErrors.UnreadableStream(_endpoint, _reader.Error);
            }

            if (packet.IsHeader)
            {
                continue;
            }

            OpusPacket.TryGetSampleCount(packet.Data.Span, 48000, out var samples);
            Interlocked.Add(ref _receivedSamples48k, samples);
            _output.TryWrite(PersonaPlexAudioPacket.CopyOf(packet.Data.Span, packet.Granule, arrivalTimestamp));
        }
    }
}
