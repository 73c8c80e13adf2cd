namespace Jarvis.Server.Rooms;

/// <summary>Reads the coordinator's decisions and hands each to every sink in order; a failing sink is logged, never fatal.</summary>
public sealed partial class HubCommandDispatcher(
    ConversationCoordinator coordinator,
    IEnumerable<IHubCommandSink> sinks,
    ILogger<HubCommandDispatcher> logger) : BackgroundService
{
    private readonly IHubCommandSink[] _sinks = sinks.OrderBy(s => s.Order).ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var command in coordinator.Commands.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var sink in _sinks)
                {
                    try
                    {
                        await sink.HandleAsync(command, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogSinkFailed(ex, sink.GetType().Name, command);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sink} failed on {Command}")]
    private partial void LogSinkFailed(Exception ex, string sink, HubCommand command);
}
