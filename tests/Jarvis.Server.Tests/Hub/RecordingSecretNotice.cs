using System.Collections.Concurrent;
using Jarvis.Server.Security;

namespace Jarvis.Server.Tests.Hub;

/// <summary>Records what the server would print once on the console (generated secrets) instead of printing it.</summary>
internal sealed class RecordingSecretNotice : ISecretNotice
{
    public ConcurrentQueue<string> Shown { get; } = new();

    public void Show(string text) => Shown.Enqueue(text);
}
