namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>A service call the emulated HA rejects: WS error code + message (REST: 400 for schema/unknown, 500 otherwise).</summary>
public sealed class EmulatorServiceException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
