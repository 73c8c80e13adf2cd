namespace Jarvis.Server.Security;

/// <summary>Shows a newly generated secret to the person who started the server, once (never through the logs).</summary>
public interface ISecretNotice
{
    void Show(string text);
}
