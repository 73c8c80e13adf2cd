namespace Jarvis.Server.Security;

/// <summary>
/// Prints to standard output: the terminal for <c>dotnet run</c>, the service's output log under launchd
/// (<c>~/Library/Logs/Jarvis/jarvis-server.log</c>) or systemd (<c>journalctl</c>).
/// </summary>
public sealed class ConsoleSecretNotice : ISecretNotice
{
    public void Show(string text)
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine(text);
        Console.Out.WriteLine();
        Console.Out.Flush();
    }
}
