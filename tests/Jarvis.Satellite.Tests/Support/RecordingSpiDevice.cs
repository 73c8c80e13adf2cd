using System.Device.Spi;

namespace Jarvis.Satellite.Tests.Support;

/// <summary>An SPI device that records every write.</summary>
internal sealed class RecordingSpiDevice(SpiConnectionSettings settings) : SpiDevice
{
    public List<byte[]> Writes { get; } = [];

    public bool Disposed { get; private set; }

    public override SpiConnectionSettings ConnectionSettings { get; } = settings;

    public byte[] LastWrite => Writes[^1];

    public override byte ReadByte() => 0;

    public override void Read(Span<byte> buffer) => buffer.Clear();

    public override void WriteByte(byte value) => Writes.Add([value]);

    public override void Write(ReadOnlySpan<byte> buffer) => Writes.Add(buffer.ToArray());

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Writes.Add(writeBuffer.ToArray());
        readBuffer.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
