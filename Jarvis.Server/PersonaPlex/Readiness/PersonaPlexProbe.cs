using System.Net;
using System.Net.Sockets;
using Jarvis.Server.Health;
using Jarvis.Server.PersonaPlex.Client;

namespace Jarvis.Server.PersonaPlex.Readiness;

/// <summary>
/// Checks that a PersonaPlex server is up without ever opening a WebSocket (which would take its single session slot):
/// a plain <c>GET /api/chat</c> must answer 400 ("No WebSocket UPGRADE hdr"). The port opens only once the model is loaded.
/// </summary>
public sealed class PersonaPlexProbe
{
    private readonly HttpClient _http;

    public PersonaPlexProbe(HttpClient http)
    {
        _http = http;
    }

    public static HttpClient CreateHttpClient(bool acceptAnyServerCertificate)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) };
        if (acceptAnyServerCertificate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(3) };
    }

    public async Task<BackendStatus> CheckAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var url = PersonaPlexUrl.ForHttp(endpoint);
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.BadRequest => BackendStatus.Up($"{endpoint}: PersonaPlex answers (plain GET {url.AbsolutePath} gave 400 as expected)"),
                HttpStatusCode.NotFound => BackendStatus.Down($"{endpoint}: a web server answers but has no {url.AbsolutePath} route: is this PersonaPlex, and is the path /api/chat?"),
                var other => BackendStatus.Down($"{endpoint}: unexpected HTTP {(int)other} to a plain GET {url} (PersonaPlex answers 400)"),
            };
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return BackendStatus.Down($"{endpoint}: connection refused (PersonaPlex not running, or still loading its model: the port opens only when it is ready)");
        }
        catch (HttpRequestException ex)
        {
            return BackendStatus.Down($"{endpoint}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return BackendStatus.Down($"{endpoint}: no answer to a plain GET {url} within {_http.Timeout.TotalSeconds:0} s");
        }
    }
}
