namespace Jarvis.Server.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Server_app_builds()
    {
        var app = Jarvis.Server.Hosting.ServerApp.Build(Hub.TestState.Arguments());
        Assert.NotNull(app);
    }
}
