namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>Home Assistant rejected the access token: reconnecting will not help until the configuration changes.</summary>
public sealed class HomeAssistantAuthException(string message) : Exception(message);
