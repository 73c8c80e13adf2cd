using System.Globalization;
using Jarvis.Satellite.Audio.PortAudio;

namespace Jarvis.Satellite.Hosting.Commands;

/// <summary><c>jarvis-satellite devices</c>: lists PortAudio devices (index, channels, default rate, name).</summary>
internal static class DevicesCommand
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        _ = args;
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var devices = PortAudioDeviceCatalog.List();
            Console.WriteLine(PortAudioRuntime.VersionText);
            Console.WriteLine(" idx  in out    rate  host   name");
            foreach (var d in devices)
            {
                var marks = (d.IsDefaultInput ? " [default input]" : string.Empty) + (d.IsDefaultOutput ? " [default output]" : string.Empty);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{d.Index,4} {d.MaxInputChannels,3} {d.MaxOutputChannels,3} {d.DefaultSampleRate,7:0}  {d.HostApi,-5}  {d.Name}{marks}"));
            }

            Console.WriteLine("Use the index or the name as Satellite:Audio:InputDevice / OutputDevice.");
            return Task.FromResult(0);
        }
        catch (PortAudioException e)
        {
            Console.Error.WriteLine(e.Message);
            return Task.FromResult(1);
        }
    }
}
