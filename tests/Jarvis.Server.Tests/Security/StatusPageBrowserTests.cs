using Jarvis.Server.Tests.Hub;
using Microsoft.Playwright;

namespace Jarvis.Server.Tests.Security;

/// <summary>
/// The authenticated status page in a real headless Chromium (Debian's <c>chromium</c>, driven by Playwright; Playwright's
/// own browser download is not used).
/// </summary>
public sealed class StatusPageBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_status_page_asks_for_the_token_once_then_shows_the_rooms()
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: apt-get install chromium (.ci/run installs it)");
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        await using var kitchen = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        var profile = Directory.CreateTempSubdirectory("jarvis-chromium-").FullName;
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync();

            await page.GotoAsync(server.BaseUri.ToString());
            await page.FillAsync("#token", "wrong-token");
            await page.ClickAsync("#sign-in");
            await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("not the API token");
            await page.FillAsync("#token", TestState.ApiToken);
            await page.ClickAsync("#sign-in");
            await Assertions.Expect(page.Locator("#rooms")).ToContainTextAsync("kitchen-pi");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jarvis-status-page.png") });

            var cookie = Assert.Single(await browser.CookiesAsync(), c => c.Name == "jarvis_session");
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
            Assert.NotEqual(TestState.ApiToken, cookie.Value);
            Assert.Equal("HttpOnly cookie", await page.EvaluateAsync<string>("document.cookie === '' ? 'HttpOnly cookie' : document.cookie"));

            var again = await browser.NewPageAsync();
            await again.GotoAsync(server.BaseUri.ToString());
            await Assertions.Expect(again.Locator("#rooms")).ToContainTextAsync("kitchen-pi");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
