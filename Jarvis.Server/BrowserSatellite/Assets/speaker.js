// The speaker: downlink Opus (WebCodecs AudioDecoder) → resampled to the context's rate → the playback worklet's jitter
// buffer. Counts loss, late frames and jitter (RFC 3550) for the link's stats; the buffer's target is 40 ms + 2 × jitter,
// at most 300 ms.
const MIN_TARGET_MS = 40;
const MAX_TARGET_MS = 300;

export class Speaker {
  #context; #node = null; #decoder = null; #decoderRate = 24000; #expected = null; #transit = null;
  #resample = { position: 0, previous: 0 };
  counters = { received: 0, lost: 0, late: 0, decoderErrors: 0 };
  jitterMs = 0;
  buffer = { depthMs: 0, targetMs: MIN_TARGET_MS, underruns: 0, overruns: 0, flushes: 0, flushedSamples: 0, playedSamples: 0, trimmedSamples: 0 };
  onPlayed = null; // (samples, contextTime) for a test recording
  onFlushed = null;

  constructor(context) {
    this.#context = context;
  }

  start() {
    this.#node = new AudioWorkletNode(this.#context, "jarvis-playback", { numberOfInputs: 0, outputChannelCount: [1] });
    this.#node.connect(this.#context.destination);
    this.#node.port.onmessage = event => {
      const message = event.data;
      if (message.type === "played") this.onPlayed?.(message.samples, message.time);
      else if (message.type === "state") {
        const { type, flushed, ...state } = message;
        this.buffer = state;
        if (flushed) this.onFlushed?.(state);
      }
    };
  }

  record(on) { this.#node?.port.postMessage({ type: "record", on }); }

  /** A new session (welcome): the downlink's rate and a fresh decoder and sequence. */
  reset(sampleRate) {
    this.#decoderRate = sampleRate;
    this.#expected = null;
    this.#transit = null;
    this.#decoder?.state !== "closed" && this.#decoder?.close();
    this.#decoder = new AudioDecoder({
      output: data => this.#decoded(data),
      error: error => { this.counters.decoderErrors++; console.warn("Opus decoder failed", error); this.#decoder = null; },
    });
    this.#decoder.configure({ codec: "opus", sampleRate, numberOfChannels: 1 });
    this.kind("real_time"); // `stream` is sent per link, only on a change: a new link starts from the default
  }

  push(frame) {
    if (this.#expected !== null) {
      const ahead = (frame.sequence - this.#expected) | 0;
      if (ahead < 0) { this.counters.late++; return; }
      this.counters.lost += ahead;
    }

    this.#expected = (frame.sequence + 1) >>> 0;
    this.counters.received++;
    this.#jitter(frame.timestampUs);
    if (!this.#decoder || this.#decoder.state === "closed") this.reset(this.#decoderRate);
    this.#decoder.decode(new EncodedAudioChunk({ type: "key", timestamp: frame.timestampUs, data: frame.payload }));
  }

  flush() { this.#node?.port.postMessage({ type: "flush" }); }

  kind(kind) { this.#node?.port.postMessage({ type: "kind", kind }); }

  volume(level) { this.#node?.port.postMessage({ type: "volume", level }); }

  #jitter(timestampUs) {
    const transit = performance.now() - timestampUs / 1000;
    if (this.#transit !== null) this.jitterMs += (Math.abs(transit - this.#transit) - this.jitterMs) / 16;
    this.#transit = transit;
    const target = Math.min(MAX_TARGET_MS, Math.max(MIN_TARGET_MS, MIN_TARGET_MS + 2 * this.jitterMs));
    this.#node?.port.postMessage({ type: "target", ms: target });
  }

  #decoded(data) {
    const input = new Float32Array(data.numberOfFrames);
    data.copyTo(input, { planeIndex: 0, format: "f32-planar" });
    const rate = data.sampleRate;
    data.close();
    const samples = this.#toContextRate(input, rate);
    this.#node?.port.postMessage({ type: "audio", samples }, [samples.buffer]);
  }

  /** Linear interpolation to the context's rate, continuous across packets. */
  #toContextRate(input, rate) {
    const out = this.#context.sampleRate;
    if (rate === out) return input;
    const step = rate / out;
    const state = this.#resample;
    const count = Math.floor((input.length - state.position) / step) + 1;
    const output = new Float32Array(Math.max(0, count));
    let n = 0;
    let position = state.position; // in input samples; -1 .. 0 means between the previous packet's last sample and input[0]
    while (position < input.length - 1 + 1e-9 && n < output.length) {
      const i = Math.floor(position);
      const a = i < 0 ? state.previous : input[i];
      const b = input[Math.min(i + 1, input.length - 1)];
      output[n++] = a + (b - a) * (position - i);
      position += step;
    }

    state.position = position - input.length;
    state.previous = input[input.length - 1];
    return n === output.length ? output : output.slice(0, n);
  }
}
