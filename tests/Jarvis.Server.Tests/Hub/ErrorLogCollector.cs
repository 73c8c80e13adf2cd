using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.Tests.Hub;

/// <summary>
/// Collects Error and Critical log entries so that a test fails on an error the server logged, and every entry that the
/// configured levels let through (<see cref="All"/>) so that a test can check what the log says.
/// </summary>
internal sealed class ErrorLogCollector : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public ConcurrentQueue<string> All { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(ErrorLogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = $"{category}: {formatter(state, exception)} {exception}";
            owner.All.Enqueue($"{logLevel}: {entry}");
            if (logLevel >= LogLevel.Error)
            {
                owner.Errors.Enqueue(entry);
            }
        }
    }
}
