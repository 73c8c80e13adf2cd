namespace Jarvis.Server.Status;

/// <summary>The status page: plain HTML and a little JavaScript polling <c>/api/status</c> every second.</summary>
internal static class StatusPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Jarvis</title>
        <style>
          body { font: 15px system-ui, sans-serif; margin: 1.5em; color: #222; }
          h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
          table { border-collapse: collapse; } td, th { padding: .25em .8em; border-bottom: 1px solid #ddd; text-align: left; }
          .up { color: #1a7f37; } .down { color: #c62828; } .active { font-weight: bold; color: #1565c0; }
          #error, #warnings { color: #c62828; }
        </style>
        </head>
        <body>
        <h1>Jarvis</h1>
        <div id="error"></div>
        <ul id="warnings"></ul>
        <h2>Rooms</h2>
        <table><thead><tr><th>Room</th><th>Satellite</th><th>Muted</th><th>Conversation</th><th>Voice</th><th>RTT ms</th><th>Loss %</th><th>Jitter ms</th><th>Packets in/out</th></tr></thead><tbody id="rooms"></tbody></table>
        <h2>Backends</h2>
        <table><tbody id="backends"></tbody></table>
        <h2>Recent latencies</h2>
        <table><thead><tr><th>Stage</th><th>Count</th><th>p50 ms</th><th>p99 ms</th></tr></thead><tbody id="latencies"></tbody></table>
        <p id="uptime"></p>
        <script>
        const esc = s => String(s ?? "").replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
        const row = cells => "<tr>" + cells.map(c => "<td>" + c + "</td>").join("") + "</tr>";
        async function refresh() {
          try {
            const response = await fetch("/api/status", { cache: "no-store" });
            if (response.status === 401) { location.reload(); return; }
            const s = await response.json();
            document.getElementById("error").textContent = "";
            document.getElementById("warnings").innerHTML = (s.warnings || []).map(w => "<li>" + esc(w) + "</li>").join("");
            document.getElementById("rooms").innerHTML = s.rooms.map(r => row([
              esc(r.room),
              r.online ? '<span class="up">online</span> ' + esc(r.satellite.id) : '<span class="down">offline</span>',
              r.muted ? "muted" : "",
              r.conversationSlot !== null ? '<span class="active">active (slot ' + r.conversationSlot + (s.conversationModes && s.conversationModes[r.room] ? ", " + esc(s.conversationModes[r.room]) : "") + ")</span>" : (r.waiting ? "waiting" : ""),
              r.speaking ? "speaking " + r.score.toFixed(2) : "",
              r.satellite ? r.satellite.rttMs : "", r.satellite ? r.satellite.lossPercent : "", r.satellite ? r.satellite.jitterMs : "",
              r.satellite ? r.satellite.packetsIn + " / " + r.satellite.packetsOut : ""])).join("") || row(["no satellites yet"]);
            document.getElementById("backends").innerHTML = Object.entries(s.backends).map(([name, b]) => row([
              esc(name), b.ready ? '<span class="up">ready</span>' : '<span class="down">not ready</span>', esc(b.detail)])).join("");
            document.getElementById("latencies").innerHTML = s.latencies.map(l => row([
              esc(l.name + (l.labels ? " {" + l.labels + "}" : "")), l.count, l.p50Ms, l.p99Ms])).join("");
            document.getElementById("uptime").textContent = "up " + s.server.uptimeSeconds + " s";
          } catch (e) {
            document.getElementById("error").textContent = "server not reachable: " + e;
          }
        }
        refresh();
        setInterval(refresh, 1000);
        </script>
        </body>
        </html>
        """;
}
