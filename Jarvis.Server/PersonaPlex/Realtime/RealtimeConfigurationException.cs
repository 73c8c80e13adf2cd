namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// vLLM-Omni refused what Jarvis is configured to ask for (voice, persona, model, audio format, API key): retrying cannot
/// help, so the endpoint stops until the configuration changes. The message says what to fix.
/// </summary>
public sealed class RealtimeConfigurationException : PersonaPlexException
{
    public RealtimeConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
