using Jarvis.Server.PersonaPlex;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.PersonaPlex.Support;

/// <summary>A started <see cref="PersonaPlexSessionManager"/> with test-friendly options, stopped on dispose.</summary>
internal sealed class ManagerHarness : IAsyncDisposable
{
    private ManagerHarness(PersonaPlexSessionManager manager, PersonaPlexOptions options)
    {
        Manager = manager;
        Options = options;
    }

    public PersonaPlexSessionManager Manager { get; }

    public PersonaPlexOptions Options { get; }

    public PersonaPlexEndpointStatus Status => Manager.GetStatus()[0];

    public static async Task<ManagerHarness> StartAsync(Action<PersonaPlexOptions> configure, TimeProvider? time = null, Jarvis.Server.Rooms.IHouseActivity? house = null,
        Jarvis.Server.Reconnect.IPortProbe? probe = null)
    {
        var options = new PersonaPlexOptions
        {
            HandshakeTimeout = TimeSpan.FromSeconds(10),
            ReconnectBackoffInitial = TimeSpan.FromMilliseconds(100),
            ReconnectBackoffMax = TimeSpan.FromMilliseconds(400),
        };
        configure(options);
        var validation = new PersonaPlexOptionsValidator().Validate(null, options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        var manager = new PersonaPlexSessionManager(Microsoft.Extensions.Options.Options.Create(options), time ?? TimeProvider.System, NullLoggerFactory.Instance, house, probe);
        await manager.StartAsync(CancellationToken.None);
        return new ManagerHarness(manager, options);
    }

    public async ValueTask DisposeAsync()
    {
        await Manager.StopAsync(CancellationToken.None);
        Manager.Dispose();
    }
}
