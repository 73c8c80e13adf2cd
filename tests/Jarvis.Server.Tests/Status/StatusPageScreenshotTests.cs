using System.Net.Http.Json;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Status;
using Jarvis.Server.Tests.Hub;
using Microsoft.Playwright;

namespace Jarvis.Server.Tests.Status;

/// <summary>
/// The homeowner's status page in a real headless Chromium (Debian's <c>/usr/bin/chromium</c> driven by Playwright) at a
/// phone's width; each test saves its screenshot to <c>docs/status/</c> with
/// <c>JARVIS_UPDATE_SCREENSHOTS=1</c>.
/// </summary>
public sealed class StatusPageScreenshotTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task No_satellites_yet_says_how_to_add_one()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello(), rooms: []);
        await WithPageAsync(server, async page =>
        {
            await Assertions.Expect(page.Locator("#rooms")).ToContainTextAsync("No satellites yet");
            await Assertions.Expect(page.Locator("#uptime")).ToContainTextAsync("running for");
            await ScreenshotAsync(page, "no-satellites.png");
        });
    }

    [Fact]
    public async Task Three_rooms_one_muted_with_its_button_and_one_in_conversation()
    {
        // A conversation ends after Rooms:QuietPeriod without voice (20 s): longer than a browser start on a loaded machine.
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>(TestState.PatientHello()) { ["Rooms:QuietPeriod"] = "00:10:00" });
        await using var kitchen = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await using var hall = await SimulatedSatellite.ConnectAsync(server.LinkUri, "hall");
        await kitchen.WaitWelcomedAsync();
        await hall.WaitWelcomedAsync();
        await hall.MuteAsync(true);
        await kitchen.LongPressAsync();
        await Eventually.TrueAsync(() => kitchen.Last<ConversationMessage>()?.Active == true, "the kitchen is in conversation");
        var metrics = server.Get<HubMetrics>();
        foreach (var ms in new[] { 42, 38, 55, 47, 61, 39, 44, 52 })
        {
            metrics.UplinkLatency.Observe(ms / 1000.0); // sample measurements, so that the history chart has a line to draw
        }

        await WithPageAsync(server, async page =>
        {
            var kitchenCard = page.Locator(".room[data-room=kitchen]");
            var hallCard = page.Locator(".room[data-room=hall]");
            var officeCard = page.Locator(".room[data-room=office]");
            await Assertions.Expect(kitchenCard).ToContainTextAsync("in conversation");
            await Assertions.Expect(kitchenCard).ToContainTextAsync("Signal: ");
            await Assertions.Expect(hallCard).ToContainTextAsync("muted with its button");
            await Assertions.Expect(hallCard.Locator("button.mute")).ToBeDisabledAsync();
            await Assertions.Expect(officeCard).ToContainTextAsync("offline");
            await Assertions.Expect(officeCard).ToContainTextAsync("last seen not since the server started");
            await Assertions.Expect(page.Locator("#latencies svg.spark").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, "three-rooms.png");

            await kitchenCard.Locator("button.mute").ClickAsync();
            await Eventually.TrueAsync(() => kitchen.Last<MuteMessage>() is { Muted: true, Source: MuteSource.Server }, "the page muted the kitchen");
        });
    }

    [Fact]
    public async Task A_waiting_satellite_is_approved_from_the_page_and_joins_its_room()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        await using var garage = await SimulatedSatellite.ConnectAsync(server.LinkUri, "garage", HubTestServer.TokenOf("garage"), "garage-pi");
        await Eventually.TrueAsync(() => garage.Last<PendingMessage>() is not null, "the satellite waits");
        await WithPageAsync(server, async page =>
        {
            var card = page.Locator("#pending .pending");
            await Assertions.Expect(card).ToContainTextAsync("New satellite garage-pi");
            await Assertions.Expect(card).ToContainTextAsync("wants to join room garage");
            await Assertions.Expect(card).ToContainTextAsync(garage.Last<PendingMessage>()!.PairingCode);
            await ScreenshotAsync(page, "waiting-satellite.png");

            await card.Locator("button.approve").ClickAsync();
            await garage.WaitWelcomedAsync();
            await Assertions.Expect(page.Locator(".room[data-room=garage]")).ToContainTextAsync("online");
            await Assertions.Expect(page.Locator("#pending-section")).ToBeHiddenAsync();
        });
    }

    [Fact]
    public async Task Every_backend_down_shows_that_nobody_can_answer_and_why()
    {
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>(TestState.PatientHello())
        {
            ["Mqtt:Mode"] = "External",
            ["Mqtt:Host"] = "127.0.0.1",
            ["PersonaPlex:Url"] = "ws://127.0.0.1:9/api/chat",
        }, mqttPort: FreePort.Next());
        await WithPageAsync(server, async page =>
        {
            var banner = page.Locator("#banner");
            await Assertions.Expect(banner).ToContainTextAsync("Nobody can answer right now");
            await Assertions.Expect(banner).ToContainTextAsync("no live conversation");
            await Assertions.Expect(banner).ToContainTextAsync("questions and home commands are not understood");
            var personaPlex = page.Locator(".backend[data-backend=personaplex]");
            await Assertions.Expect(personaPlex).ToContainTextAsync("not working");
            await Assertions.Expect(personaPlex).ToContainTextAsync("ws://127.0.0.1:9/api/chat");
            await Assertions.Expect(page.Locator(".backend[data-backend=mqtt]")).ToContainTextAsync("not working");
            await Assertions.Expect(page.Locator(".backend .state.ok")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "backends-down.png");
        });
    }

    private static async Task WithPageAsync(HubTestServer server, Func<IPage, Task> test)
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: apt-get install chromium (.ci/run installs it)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GotoAsync(server.BaseUri.ToString());
        await page.FillAsync("#token", TestState.ApiToken);
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("#uptime")).ToContainTextAsync("running for", new() { Timeout = 30_000 });
        await test(page);
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Screenshots.Directory("status");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = true });
    }
}
