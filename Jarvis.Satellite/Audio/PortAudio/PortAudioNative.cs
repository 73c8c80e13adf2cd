using System.Runtime.InteropServices;
using Jarvis.Satellite.Interop;

namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>The part of the PortAudio v19 C API we use (blocking streams, int16).</summary>
internal static partial class PortAudioNative
{
    public const int NoError = 0;
    public const int InputOverflowed = -9981;
    public const int OutputUnderflowed = -9980;
    public const int NoDevice = -1;
    public const nuint SampleFormatInt16 = 0x00000008;
    public const nuint StreamFlagClipOff = 0x00000001;

    static PortAudioNative() => NativeLibraries.EnsureResolver();

    [StructLayout(LayoutKind.Sequential)]
    public struct DeviceInfo
    {
        public int StructVersion;
        public IntPtr Name;
        public int HostApi;
        public int MaxInputChannels;
        public int MaxOutputChannels;
        public double DefaultLowInputLatency;
        public double DefaultLowOutputLatency;
        public double DefaultHighInputLatency;
        public double DefaultHighOutputLatency;
        public double DefaultSampleRate;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct HostApiInfo
    {
        public int StructVersion;
        public int Type;
        public IntPtr Name;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct StreamParameters
    {
        public int Device;
        public int ChannelCount;
        public nuint SampleFormat;
        public double SuggestedLatency;
        public IntPtr HostApiSpecificStreamInfo;
    }

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial int Pa_Initialize();

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial int Pa_Terminate();

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial IntPtr Pa_GetVersionText();

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial IntPtr Pa_GetErrorText(int error);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial int Pa_GetDeviceCount();

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial int Pa_GetDefaultInputDevice();

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial int Pa_GetDefaultOutputDevice();

    [LibraryImport(NativeLibraries.PortAudio)]
    public static unsafe partial DeviceInfo* Pa_GetDeviceInfo(int device);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static unsafe partial HostApiInfo* Pa_GetHostApiInfo(int hostApi);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static unsafe partial int Pa_IsFormatSupported(StreamParameters* input, StreamParameters* output, double sampleRate);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static unsafe partial int Pa_OpenStream(
        out IntPtr stream, StreamParameters* input, StreamParameters* output, double sampleRate,
        nuint framesPerBuffer, nuint flags, IntPtr callback, IntPtr userData);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial int Pa_StartStream(IntPtr stream);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial int Pa_StopStream(IntPtr stream);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial int Pa_AbortStream(IntPtr stream);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static partial int Pa_CloseStream(IntPtr stream);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static unsafe partial int Pa_ReadStream(IntPtr stream, short* buffer, nuint frames);

    [LibraryImport(NativeLibraries.PortAudio)]
    public static unsafe partial int Pa_WriteStream(IntPtr stream, short* buffer, nuint frames);

    public static string ErrorText(int error) => Marshal.PtrToStringUTF8(Pa_GetErrorText(error)) ?? $"PortAudio error {error}";
}
