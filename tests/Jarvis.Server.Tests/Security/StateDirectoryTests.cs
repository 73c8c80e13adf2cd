using Jarvis.Server.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.Security;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StateDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jarvis-state-test-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_secret_is_created_once_private_and_read_back_afterwards()
    {
        var state = Open(Path.Combine(_root, "new"));

        var first = state.GetOrCreateSecret("api-token", () => "first-secret", out var created);
        var again = Open(Path.Combine(_root, "new")).GetOrCreateSecret("api-token", () => "second-secret", out var createdAgain);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal("first-secret", again);
        Assert.Equal(first, again);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state.FileOf("api-token")));
    }

    [Fact]
    public async Task Appended_files_are_private_and_a_readable_directory_is_tightened()
    {
        var path = Path.Combine(_root, "open");
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        var state = Open(path);

        await state.AppendLineAsync(state.FileOf("ratings.jsonl"), "{}", CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state.FileOf("ratings.jsonl")));
    }

    [Fact]
    public void A_world_writable_directory_is_refused_and_nothing_escapes_the_directory()
    {
        var shared = Path.Combine(_root, "shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b111_111_111);

        var refused = Assert.Throws<InvalidOperationException>(() => Open(shared).EnsureCreated());
        Assert.Contains("writable by every user", refused.Message, StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)0b111_111_111, File.GetUnixFileMode(shared));
        Assert.Throws<ArgumentException>(() => Open(Path.Combine(_root, "x")).FileOf("../escape"));
    }

    [Fact]
    public void The_default_follows_the_platform()
    {
        string? Env(string name) => name switch { "HOME" => "/home/ann", "XDG_STATE_HOME" => "/home/ann/.state", _ => null };

        Assert.Equal("/home/ann/.state/jarvis", StateDirectoryDefaults.Resolve(Env, isRoot: false));
        Assert.Equal("/var/lib/jarvis", StateDirectoryDefaults.Resolve(_ => null, isRoot: true));
        Assert.Equal("/var/lib/jarvis-x", StateDirectoryDefaults.Resolve(n => n == "STATE_DIRECTORY" ? "/var/lib/jarvis-x" : null, isRoot: true));
    }

    private static StateDirectory Open(string path) =>
        new(Options.Create(new StateOptions { Directory = path }), NullLogger<StateDirectory>.Instance);
}
