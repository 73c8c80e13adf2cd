using System.Net.WebSockets;
using Jarvis.Protocol.Link;

namespace Jarvis.Server.Satellites;

/// <summary>The satellite link: a WebSocket at <c>Satellites:Path</c> (default <c>/link/v1</c>).</summary>
public static class SatelliteEndpoint
{
    public static WebApplication MapSatellites(this WebApplication app)
    {
        app.UseWebSockets();
        var path = app.Configuration[$"{SatellitesOptions.Section}:{nameof(SatellitesOptions.Path)}"] is { Length: > 0 } configured ? configured : LinkProtocol.Path;
        app.Map(path, async (HttpContext context, SatelliteLinkDependencies dependencies) =>
        {
            if (dependencies.Stopping.IsCancellationRequested)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            if (!LinkOrigin.IsAllowed(context.Request, dependencies.Options.AllowedOrigins))
            {
                SatelliteLinkLog.ForeignOrigin(dependencies.Logger, context.Request.Headers.Origin.ToString());
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("This is the Jarvis satellite link: connect with a WebSocket.", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
            var connection = new SatelliteConnection(socket, remote, dependencies);
            try
            {
                await connection.RunAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                SatelliteLinkLog.Dropped(dependencies.Logger, remote, ex.Message);
            }
        }).AllowAnonymous(); // satellites authenticate in the hello (token per satellite)
        return app;
    }
}
