namespace Jarvis.Protocol.Opus;

/// <summary>Names libopus' negative error codes.</summary>
internal static class OpusErrors
{
    public static string Describe(int code) => code switch
    {
        -1 => "bad argument (OPUS_BAD_ARG)",
        -2 => "buffer too small (OPUS_BUFFER_TOO_SMALL)",
        -3 => "internal error (OPUS_INTERNAL_ERROR)",
        -4 => "corrupted packet (OPUS_INVALID_PACKET)",
        -5 => "unimplemented request (OPUS_UNIMPLEMENTED)",
        -6 => "invalid state (OPUS_INVALID_STATE)",
        -7 => "allocation failed (OPUS_ALLOC_FAIL)",
        _ => $"error {code}",
    };
}
