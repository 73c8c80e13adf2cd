// The browser satellite's page: enrolment (a token made here, kept in localStorage), the link, the microphone, the speaker,
// the mute and talk buttons, the LED ring, wake lock and resume. docs/browser-satellite.md describes it.
import { LinkClient, nowUs } from "./link.js";
import { Microphone } from "./microphone.js";
import { Speaker } from "./speaker.js";

const STORE = "jarvis.satellite";
const MUTE_STORE = "jarvis.satellite.muted";
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);

const ui = {
  state: "stopped", // stopped | connecting | pending | connected | rejected | disconnected
  serverLed: "idle", conversation: false, error: null, message: "", pairingCode: null,
};
let identity = loadIdentity();
let mute = loadMute();
let link = null, microphone = null, speaker = null, context = null, wakeLock = null;
const recording = params.has("record") ? { capture: [], played: [], flushes: [] } : null;

function loadIdentity() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORE) ?? "null");
    return stored && ID.test(stored.satelliteId) && ID.test(stored.room) && /^[0-9a-f]{64}$/.test(stored.token) ? stored : null;
  } catch { return null; }
}

// The privacy mute survives reloads; storage that cannot be read fails closed (muted, as by the button).
function loadMute() {
  try {
    const stored = localStorage.getItem(MUTE_STORE);
    if (stored === null || stored === "unmuted") return { muted: false, source: "startup" };
    const [, source] = stored.split(" ");
    return { muted: true, source: ["button", "server", "mqtt"].includes(source) ? source : "button" };
  } catch { return { muted: true, source: "button" }; }
}

function saveMute() {
  try { localStorage.setItem(MUTE_STORE, mute.muted ? `muted ${mute.source}` : "unmuted"); } catch { /* reported by the next load */ }
}

function newToken() {
  const bytes = crypto.getRandomValues(new Uint8Array(32)); // 256 bits, like a Pi satellite's generated token
  return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}

function render() {
  $("setup").hidden = identity !== null;
  $("start-section").hidden = identity === null || ui.state !== "stopped";
  $("live").hidden = identity === null || ui.state === "stopped";
  $("room-name").textContent = identity ? `room ${identity.room}` : "";
  $("satellite-id").textContent = identity?.satelliteId ?? "";
  $("about").hidden = identity === null;
  const led = ui.error ? "error"
    : ui.state !== "connected" ? "disconnected"
    : mute.muted ? "muted"
    : ui.serverLed === "idle" && ui.conversation ? "listening" : ui.serverLed;
  $("ring").dataset.led = led;
  document.body.dataset.state = ui.state;
  document.body.dataset.led = led;
  $("status").textContent = statusText(led);
  $("pairing").hidden = ui.state !== "pending";
  $("pairing-code").textContent = ui.pairingCode ?? "";
  $("mute").setAttribute("aria-pressed", String(mute.muted));
  $("mute").textContent = mute.muted ? "Unmute" : "Mute";
  $("talk").disabled = ui.state !== "connected";
  $("error").textContent = ui.error ?? "";
  $("detail").textContent = ui.state === "connected" && speaker
    ? `round trip ${link.rttMs?.toFixed(0) ?? "–"} ms · playback buffer ${speaker.buffer.depthMs.toFixed(0)} ms` : ui.message;
}

function statusText(led) {
  switch (ui.state) {
    case "connecting": return "Connecting…";
    case "pending": return "Waiting for the owner to approve this device on the status page.";
    case "rejected": return "The owner has not let this device in.";
    case "disconnected": return "The server is not reachable; trying again…";
  }
  if (mute.muted) return mute.source === "button" ? "Muted. Nothing leaves this device." : "Muted by the server.";
  return { listening: "Listening", thinking: "Thinking…", speaking: "Speaking", timer: "A timer is ringing", countdown: "Timer" }[led]
    ?? "Ready. Say the wake word or press Talk.";
}

function join() {
  const room = $("room").value.trim().toLowerCase(), device = $("device").value.trim().toLowerCase();
  if (!ID.test(room) || !ID.test(device)) {
    ui.error = "Room and name: 1–64 of a–z, 0–9, - and _, starting with a letter or digit.";
    return render();
  }
  identity = { satelliteId: device, room, token: newToken() };
  try { localStorage.setItem(STORE, JSON.stringify(identity)); } catch { ui.error = "This browser does not keep the device's token (private mode?): it will ask again next time."; }
  ui.error = null;
  start();
}

async function start() {
  if (!window.AudioEncoder || !window.AudioDecoder || !navigator.mediaDevices) {
    ui.error = !window.isSecureContext
      ? "The microphone needs a secure page: open Jarvis over https:// (see docs/browser-satellite.md)."
      : "This browser has no WebCodecs Opus (AudioEncoder/AudioDecoder): use a current Chrome, Edge, Firefox or Safari.";
    return render();
  }

  ui.state = "connecting";
  render();
  try {
    context = new AudioContext({ latencyHint: "interactive" });
    await context.audioWorklet.addModule("/satellite/worklets.js");
    const url = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}${document.documentElement.dataset.link ?? "/link/v1"}`;
    speaker = new Speaker(context);
    link = new LinkClient(url, identity, stats);
    microphone = new Microphone(context, link, voice => sendVoice(voice));
    speaker.start();
    await microphone.start();
    microphone.setMuted(mute.muted);
    if (recording) record();
  } catch (error) {
    ui.state = "stopped";
    ui.error = `The microphone could not be opened: ${error.message ?? error}`;
    return render();
  }

  link.addEventListener("state", event => onLinkState(event.detail));
  link.addEventListener("control", event => onControl(event.detail));
  link.addEventListener("audio", event => speaker.push(event.detail));
  link.start();
  await keepAwake();
  setInterval(render, 500);
}

function onLinkState(detail) {
  ui.state = detail.state;
  ui.message = detail.message ?? "";
  ui.pairingCode = detail.pairingCode ?? null;
  if (detail.state === "connected") {
    ui.error = null;
    ui.serverLed = "idle";
    ui.conversation = link.welcome.conversation_active === true;
    microphone.conversation = ui.conversation;
    speaker.reset(link.welcome.downlink.sample_rate);
    reportMute(true);
  } else if (detail.state === "rejected") {
    ui.error = ui.message;
  }
  render();
}

function onControl(message) {
  switch (message.type) {
    case "led": ui.serverLed = message.state; break;
    case "conversation": ui.conversation = message.active === true; microphone.conversation = ui.conversation; break;
    case "flush": speaker.flush(); recording?.flushes.push({ reason: message.reason, at: context.currentTime }); break;
    case "stream": speaker.kind(message.kind); break;
    case "volume": speaker.volume(Math.min(1, Math.max(0, Number(message.level) || 0))); break;
    case "mute": onServerMute(message.muted === true, message.source); break;
  }
  render();
}

// The server may always mute; it may unmute only a mute it set (a mute set with this page's button is a privacy mute).
function onServerMute(muted, source) {
  if (!muted && mute.muted && mute.source === "button") return reportMute();
  setMute(muted, muted ? (source === "mqtt" ? "mqtt" : "server") : "server");
}

function setMute(muted, source) {
  mute = { muted, source };
  saveMute();
  microphone?.setMuted(muted);
  reportMute();
  render();
}

// After welcome: while muted, who muted it, else "startup"; on a change: who changed it.
function reportMute(afterWelcome = false) {
  link?.send({ type: "mute", muted: mute.muted, source: afterWelcome && !mute.muted ? "startup" : mute.source });
}

// The protocol's ranges: score 0..1, level −200..0 dBFS (a clipped float sample can exceed full scale).
function sendVoice(voice) {
  const level = round(Math.min(0, Math.max(-200, voice.levelDbfs)));
  if (voice.event === "level") link.send({ type: "voice_level", level_dbfs: level, timestamp_us: nowUs() });
  else link.send({ type: "voice_activity", state: voice.event, score: round(Math.min(1, Math.max(0, voice.score))), timestamp_us: nowUs(), level_dbfs: level });
}

const round = x => Math.round(x * 100) / 100;

function stats() {
  const b = speaker.buffer, c = speaker.counters;
  return {
    uplink_frames_sent: microphone.framesSent, downlink_frames_received: c.received, downlink_frames_lost: c.lost,
    downlink_frames_late: c.late, jitter_ms: round(speaker.jitterMs), jitter_buffer_ms: round(b.depthMs),
    jitter_buffer_target_ms: round(b.targetMs), jitter_buffer_underruns: b.underruns, jitter_buffer_overruns: b.overruns,
    capture_overruns: 0,
  };
}

// Screen wake lock while the page is live (a phone would sleep and the tab be frozen); taken again when the tab returns.
async function keepAwake() {
  try { wakeLock = await navigator.wakeLock?.request("screen"); } catch { wakeLock = null; }
}

document.addEventListener("visibilitychange", async () => {
  if (document.visibilityState !== "visible" || !link) return;
  await context?.resume();
  link.nudge();
  if (!wakeLock || wakeLock.released) await keepAwake();
});

// For tests and measurements (?record): what the microphone gave and what was played, each with its context time.
function record() {
  microphone.onFrame = (samples, time) => recording.capture.push({ samples: Float32Array.from(samples), time });
  speaker.onPlayed = (samples, time) => recording.played.push({ samples, time });
  speaker.record(true);
}

window.jarvisSatellite = {
  get state() { return ui.state; },
  get led() { return document.body.dataset.led; },
  get mute() { return { ...mute }; },
  get conversation() { return ui.conversation; },
  stats: () => link && speaker && microphone ? { ...stats(), ...speaker.buffer, decoder_errors: speaker.counters.decoderErrors, audio_state: context.state, audio_time: context.currentTime, captured_frames: recording?.capture.length ?? 0, sample_rate: context.sampleRate, output_latency: (context.outputLatency ?? 0) + context.baseLatency } : null,
  flushes: () => recording?.flushes ?? [],
  /** The recording as base64 of 16-bit little-endian samples, with the rate and the context time of its first sample. */
  recording(kind) {
    const chunks = recording?.[kind] ?? [];
    if (chunks.length === 0) return null;
    const total = chunks.reduce((n, c) => n + c.samples.length, 0);
    const pcm = new Int16Array(total);
    let at = 0;
    for (const c of chunks) { for (let i = 0; i < c.samples.length; i++) pcm[at++] = Math.max(-32768, Math.min(32767, Math.round(c.samples[i] * 32767))); }
    let binary = "";
    const bytes = new Uint8Array(pcm.buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    // Chunks follow each other without gaps (both worklets run every render quantum), so one start time is enough.
    const rate = kind === "capture" ? 16000 : context.sampleRate;
    const start = kind === "capture" ? chunks[0].time - chunks[0].samples.length / rate : chunks[0].time; // capture times are frame ends
    return { rate, start, pcm: btoa(binary) };
  },
};

$("join").addEventListener("click", join);
$("start").addEventListener("click", start);
$("mute").addEventListener("click", () => setMute(!mute.muted, "button"));
// Talk = the Pi's long press: unmutes and asks the server for a conversation.
$("talk").addEventListener("click", () => {
  if (mute.muted) setMute(false, "button");
  link.send({ type: "button", press: "long", timestamp_us: nowUs() });
});
$("forget").addEventListener("click", () => {
  if (!confirm("Forget this device? The owner will have to approve it again.")) return;
  link?.stop();
  localStorage.removeItem(STORE);
  location.reload();
});
render();
