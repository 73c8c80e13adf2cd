// The satellite link (docs/link-protocol.md) from a browser: hello → pending/welcome/reject, pings both ways, idle
// timeout, stats, and reconnection with a capped exponential backoff (as the Pi satellite: 100 ms → 1.5 s, reset after a
// welcome; 30 s after a reject or a version mismatch, which need a person).
import { readDownlink } from "./frames.js";

const HANDSHAKE_TIMEOUT_MS = 5000;
const BACKOFF_FIRST_MS = 100;
const BACKOFF_MAX_MS = 1500;
const REJECTED_RETRY_MS = 30000;
const STATS_INTERVAL_MS = 5000;

export const nowUs = () => Math.round(performance.now() * 1000);

/**
 * Events: "state" (detail: {state: connecting|pending|connected|rejected|disconnected, message?, pairingCode?}),
 * "control" (detail: a control message from the server after welcome), "audio" (detail: a downlink frame).
 */
export class LinkClient extends EventTarget {
  #url; #identity; #stats; #socket = null; #backoff = BACKOFF_FIRST_MS; #timers = {}; #welcome = null;
  #lastHeard = 0; #stopped = true; #rejected = false;
  rttMs = null;

  /** identity: {satelliteId, room, token}; stats: () => the cumulative stats fields. */
  constructor(url, identity, stats) {
    super();
    this.#url = url;
    this.#identity = identity;
    this.#stats = stats;
  }

  get welcome() { return this.#welcome; }

  get connected() { return this.#welcome !== null && this.#socket?.readyState === WebSocket.OPEN; }

  start() {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#open();
  }

  stop() {
    this.#stopped = true;
    this.#clearTimers();
    this.#socket?.close(1001, "going away");
    this.#socket = null;
  }

  /** Reconnects now if the link is down (the tab came back, the network returned). */
  nudge() {
    if (this.#stopped || this.#rejected) return;
    if (!this.#socket || this.#socket.readyState === WebSocket.CLOSED) {
      clearTimeout(this.#timers.retry);
      this.#open();
    }
  }

  send(message) {
    if (this.connected) this.#socket.send(JSON.stringify(message));
  }

  sendAudio(frame) {
    if (!this.connected || this.#socket.bufferedAmount > 64 * 1024) return false; // a stalled link drops audio, never queues it
    this.#socket.send(frame);
    return true;
  }

  #open() {
    this.#clearTimers();
    this.#welcome = null;
    this.#state("connecting");
    const socket = new WebSocket(this.#url);
    socket.binaryType = "arraybuffer";
    this.#socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({
        type: "hello", protocol_version: 1, satellite_id: this.#identity.satelliteId, room: this.#identity.room,
        token: this.#identity.token,
        capabilities: { sample_rates: [16000], codecs: ["opus"], has_speaker: true, led_kind: "apa102_ring", has_button: true, has_echo_cancellation: true },
        software_version: "browser-1",
      }));
      this.#timers.handshake = setTimeout(() => this.#fail(4005, "no welcome within 5 s"), HANDSHAKE_TIMEOUT_MS);
    };
    socket.onmessage = event => this.#receive(socket, event.data);
    socket.onclose = event => this.#closed(socket, event.code, event.reason);
  }

  #receive(socket, data) {
    if (socket !== this.#socket) return;
    this.#lastHeard = performance.now();
    if (typeof data !== "string") {
      if (!this.#welcome) return this.#fail(4003, "audio before welcome");
      const frame = readDownlink(data);
      if (frame?.error) return this.#fail(frame.error, frame.reason);
      if (frame) this.dispatchEvent(new CustomEvent("audio", { detail: frame }));
      return;
    }

    let message;
    try { message = JSON.parse(data); } catch { return this.#fail(4000, "control message is not JSON"); }
    if (typeof message !== "object" || message === null || typeof message.type !== "string") return this.#fail(4000, "control message without a type");
    switch (message.type) {
      case "welcome": return this.#welcomed(message);
      case "pending": return this.#pending(message);
      case "reject":
        this.#rejected = true;
        this.#state("rejected", { message: String(message.message ?? message.reason) });
        return;
      case "ping":
        if (this.#welcome) this.send({ type: "pong", t0: message.t0, t1: nowUs(), t2: nowUs() });
        return;
      case "pong": {
        const t3 = nowUs();
        if ([message.t0, message.t1, message.t2].every(Number.isFinite)) this.rttMs = Math.max(0, (t3 - message.t0) - (message.t2 - message.t1)) / 1000;
        return;
      }
      default:
        if (this.#welcome) this.dispatchEvent(new CustomEvent("control", { detail: message }));
    }
  }

  #pending(message) {
    clearTimeout(this.#timers.handshake);
    const keepalive = Number(message.keepalive_ms) || 5000;
    clearTimeout(this.#timers.pending);
    // Three keepalives without a message: give up and reconnect (the request is refreshed by the next hello).
    this.#timers.pending = setTimeout(() => this.#fail(4007, "no keepalive while waiting for approval"), 3 * keepalive);
    this.#state("pending", { message: message.message, pairingCode: message.pairing_code });
  }

  #welcomed(message) {
    clearTimeout(this.#timers.handshake);
    clearTimeout(this.#timers.pending);
    this.#welcome = message;
    this.#rejected = false;
    this.#backoff = BACKOFF_FIRST_MS;
    const interval = Math.max(100, Number(message.ping_interval_ms) || 5000);
    this.#timers.ping = setInterval(() => {
      if (performance.now() - this.#lastHeard > 3 * interval) return this.#fail(4007, "nothing from the server for three ping intervals");
      this.send({ type: "ping", t0: nowUs() });
    }, interval);
    this.#timers.stats = setInterval(() => this.send({ type: "stats", ...this.#stats() }), STATS_INTERVAL_MS);
    this.#state("connected");
  }

  #fail(code, reason) {
    const socket = this.#socket;
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(code, reason);
    this.#closed(socket, code, reason);
  }

  #closed(socket, code, reason) {
    if (socket !== this.#socket) return;
    this.#socket = null;
    this.#welcome = null;
    this.#clearTimers();
    if (this.#stopped) return;
    const needsPerson = this.#rejected || code === 4004 || code === 4001;
    const delay = needsPerson ? REJECTED_RETRY_MS : this.#backoff;
    this.#backoff = Math.min(BACKOFF_MAX_MS, this.#backoff * 2);
    if (!needsPerson) this.#state("disconnected", { message: reason || `closed (${code})` });
    this.#timers.retry = setTimeout(() => { this.#rejected = false; this.#open(); }, delay);
  }

  #clearTimers() {
    clearTimeout(this.#timers.handshake);
    clearTimeout(this.#timers.pending);
    clearTimeout(this.#timers.retry);
    clearInterval(this.#timers.ping);
    clearInterval(this.#timers.stats);
    this.#timers = {};
  }

  #state(state, detail = {}) {
    this.dispatchEvent(new CustomEvent("state", { detail: { state, ...detail } }));
  }
}
