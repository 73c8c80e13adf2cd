using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.Emulators;

/// <summary>An <see cref="IOptionsMonitor{T}"/> over one fixed value, for wiring clients to emulators in tests and harnesses.</summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
