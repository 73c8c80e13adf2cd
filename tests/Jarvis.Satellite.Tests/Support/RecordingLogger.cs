using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Tests.Support;

/// <summary>Collects every log line ("Level: message") of the loggers it hands out.</summary>
internal sealed class RecordingLogger
{
    public List<string> Lines { get; } = [];

    public ILogger<T> For<T>() => new Logger<T>(this);

    private sealed class Logger<T>(RecordingLogger owner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.Lines)
            {
                owner.Lines.Add($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}
