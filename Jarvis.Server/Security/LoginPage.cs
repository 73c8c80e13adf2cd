using System.Net;

namespace Jarvis.Server.Security;

/// <summary>The page that asks for the API token once (the status page shows it to anyone not signed in).</summary>
internal static class LoginPage
{
    public static string Html(string? error) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Jarvis: sign in</title>
        <style>
          body { font: 15px system-ui, sans-serif; margin: 1.5em; color: #222; max-width: 40em; }
          input[type=password] { width: 100%; padding: .4em; font: inherit; } button { margin-top: .8em; padding: .4em 1.2em; font: inherit; }
          .error { color: #c62828; }
        </style>
        </head>
        <body>
        <h1>Jarvis</h1>
        <p>Enter the API token. It was printed when the server started for the first time, and it is kept in the file
        <code>api-token</code> in the server's state directory. This browser remembers it.</p>
        {{(error is null ? "" : $"<p class=\"error\" id=\"login-error\">{WebUtility.HtmlEncode(error)}</p>")}}
        <form method="post" action="/login">
          <label for="token">API token</label>
          <input type="password" id="token" name="token" autocomplete="current-password" autofocus required>
          <button type="submit" id="sign-in">Sign in</button>
        </form>
        </body>
        </html>
        """;
}
