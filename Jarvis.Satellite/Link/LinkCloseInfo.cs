namespace Jarvis.Satellite.Link;

/// <summary>How a connection ended: the WebSocket close code and reason when the server sent one.</summary>
public sealed record LinkCloseInfo(int? Code, string? Reason, Exception? Error);
