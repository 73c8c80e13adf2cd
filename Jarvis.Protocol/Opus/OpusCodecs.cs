using Concentus;
using Concentus.Enums;
using ManagedDecoder = Concentus.Structs.OpusDecoder;
using ManagedEncoder = Concentus.Structs.OpusEncoder;

namespace Jarvis.Protocol.Opus;

/// <summary>Creates Concentus encoders and decoders for a chosen <see cref="OpusBackend"/>.</summary>
internal static class OpusCodecs
{
    public static bool IsNative(IOpusEncoder encoder) => encoder is not ManagedEncoder;

    public static bool IsNative(IOpusDecoder decoder) => decoder is not ManagedDecoder;

    public static IOpusEncoder CreateEncoder(int sampleRate, OpusApplication application, OpusBackend backend)
    {
        if (backend == OpusBackend.Managed)
        {
            // Deliberate: the factory's only switch (AttemptToUseNativeLibrary) is process-wide, the constructor is per instance.
#pragma warning disable CS0618
            return new ManagedEncoder(sampleRate, 1, application);
#pragma warning restore CS0618
        }

        var encoder = OpusCodecFactory.CreateEncoder(sampleRate, 1, application);
        if (backend == OpusBackend.Native && !IsNative(encoder))
        {
            encoder.Dispose();
            throw NativeUnavailable();
        }

        return encoder;
    }

    public static IOpusDecoder CreateDecoder(int sampleRate, OpusBackend backend)
    {
        if (backend == OpusBackend.Managed)
        {
            // Deliberate: the factory's only switch (AttemptToUseNativeLibrary) is process-wide, the constructor is per instance.
#pragma warning disable CS0618
            return new ManagedDecoder(sampleRate, 1);
#pragma warning restore CS0618
        }

        var decoder = OpusCodecFactory.CreateDecoder(sampleRate, 1);
        if (backend == OpusBackend.Native && !IsNative(decoder))
        {
            decoder.Dispose();
            throw NativeUnavailable();
        }

        return decoder;
    }

    public static OpusApplication ToConcentus(OpusApplicationKind kind) => kind switch
    {
        OpusApplicationKind.Voip => OpusApplication.OPUS_APPLICATION_VOIP,
        OpusApplicationKind.Audio => OpusApplication.OPUS_APPLICATION_AUDIO,
        OpusApplicationKind.RestrictedLowDelay => OpusApplication.OPUS_APPLICATION_RESTRICTED_LOWDELAY,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown Opus application."),
    };

    private static PlatformNotSupportedException NativeUnavailable() =>
        new("Native libopus cannot be loaded: install libopus-dev (Concentus needs the unversioned libopus.so).");
}
