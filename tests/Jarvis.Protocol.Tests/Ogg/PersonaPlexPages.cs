namespace Jarvis.Protocol.Tests.Ogg;

/// <summary>The exact header pages PersonaPlex sends (personaplex-protocol.md §4.2), without the 0x01 kind byte.</summary>
internal static class PersonaPlexPages
{
    public static byte[] Page0 { get; } = Hex(
        "4f676753 00 02 0000000000000000 2a000000 00000000 ef888722 01 13"
        + "4f70757348656164 01 01 000f c05d0000 0000 00");

    public static byte[] Page1 { get; } = Hex(
        "4f676753 00 00 0000000000000000 2a000000 01000000 bfd821e5 01 19"
        + "4f70757354616773 09000000" + Convert.ToHexString("sphn-pyo3"u8) + "00000000");

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
