namespace Jarvis.Server.Mqtt;

/// <summary>One account the embedded broker admits.</summary>
public sealed record MqttAccount(string Username, string Password, MqttRole Role);
