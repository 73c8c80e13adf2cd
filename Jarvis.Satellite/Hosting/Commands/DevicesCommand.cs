using System.Globalization;
using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Audio.Alsa;
using Jarvis.Satellite.Audio.PortAudio;

namespace Jarvis.Satellite.Hosting.Commands;

/// <summary>
/// <c>jarvis-satellite devices</c>: lists the ALSA PCMs (index, in/out, name, description);
/// <c>jarvis-satellite devices portaudio</c>: the PortAudio devices (index, channels, default rate, name).
/// </summary>
internal static class DevicesCommand
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            switch (args)
            {
                case []:
                    ListAlsa();
                    break;
                case [var backend] when backend.Equals("portaudio", StringComparison.OrdinalIgnoreCase):
                    ListPortAudio();
                    break;
                default:
                    Console.Error.WriteLine("Usage: jarvis-satellite devices [portaudio]");
                    return Task.FromResult(64); // EX_USAGE
            }

            return Task.FromResult(0);
        }
        catch (AudioDeviceException e)
        {
            Console.Error.WriteLine(e.Message);
            return Task.FromResult(1);
        }
    }

    private static void ListAlsa()
    {
        Console.WriteLine("ALSA PCMs (Satellite:Audio:Backend=Alsa)");
        Console.WriteLine(" idx  in out  name                     description");
        foreach (var d in AlsaDeviceCatalog.List())
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{d.Index,4} {(d.Input ? "in" : "-"),3} {(d.Output ? "out" : "-"),3}  {d.Name,-24} {d.Description}"));
        }

        Console.WriteLine("Use the index or the name (also plughw:CARD,0 or part of a card's name) as Satellite:Audio:InputDevice / OutputDevice.");
    }

    private static void ListPortAudio()
    {
        var devices = PortAudioDeviceCatalog.List();
        Console.WriteLine($"{PortAudioRuntime.VersionText} (Satellite:Audio:Backend=PortAudio)");
        Console.WriteLine(" idx  in out    rate  host   name");
        foreach (var d in devices)
        {
            var marks = (d.IsDefaultInput ? " [default input]" : string.Empty) + (d.IsDefaultOutput ? " [default output]" : string.Empty);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{d.Index,4} {d.MaxInputChannels,3} {d.MaxOutputChannels,3} {d.DefaultSampleRate,7:0}  {d.HostApi,-5}  {d.Name}{marks}"));
        }

        Console.WriteLine("Use the index or the name as Satellite:Audio:InputDevice / OutputDevice.");
    }
}
