// The two audio-thread processors of the browser satellite: the microphone's 20 ms frames at 16 kHz, and playback through
// a jitter buffer. `sampleRate` and `currentTime` are the AudioWorkletGlobalScope's.

/** A second-order low-pass (RBJ cookbook), run twice before decimation so that nothing above 8 kHz folds into the speech. */
class LowPass {
  constructor(cutoff, rate) {
    const w = 2 * Math.PI * cutoff / rate, alpha = Math.sin(w) / (2 * Math.SQRT1_2), cos = Math.cos(w), a0 = 1 + alpha;
    this.b0 = (1 - cos) / 2 / a0; this.b1 = (1 - cos) / a0; this.b2 = this.b0; this.a1 = -2 * cos / a0; this.a2 = (1 - alpha) / a0;
    this.x1 = this.x2 = this.y1 = this.y2 = 0;
  }

  step(x) {
    const y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1; this.x1 = x; this.y2 = this.y1; this.y1 = y;
    return y;
  }
}

/** Microphone → 16 kHz mono frames of `frameSamples`, posted with the context time of their last sample. Muted: dropped here. */
class CaptureProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const { targetRate, frameSamples } = options.processorOptions;
    this.step = sampleRate / targetRate;
    this.filters = sampleRate > targetRate ? [new LowPass(targetRate * 0.45, sampleRate), new LowPass(targetRate * 0.45, sampleRate)] : [];
    this.frameSamples = frameSamples;
    this.frame = new Float32Array(frameSamples);
    this.filled = 0;
    this.next = 0;      // position of the next output sample, in input samples after `previous`
    this.previous = 0;
    this.muted = false;
    this.port.onmessage = event => { if ("muted" in event.data) { this.muted = event.data.muted; this.filled = 0; } };
  }

  process(inputs) {
    const input = inputs[0]?.[0];
    if (!input || this.muted) return true;
    for (let i = 0; i < input.length; i++) {
      let x = input[i];
      for (const filter of this.filters) x = filter.step(x);
      // Linear interpolation between the previous input sample (position 0) and this one (position 1).
      while (this.next <= 1) {
        this.frame[this.filled++] = this.previous + (x - this.previous) * this.next;
        this.next += this.step;
        if (this.filled === this.frame.length) {
          const samples = this.frame;
          this.port.postMessage({ samples, time: currentTime + i / sampleRate }, [samples.buffer]);
          this.frame = new Float32Array(this.frameSamples); // the posted one is detached now
          this.filled = 0;
        }
      }

      this.next -= 1;
      this.previous = x;
    }

    return true;
  }
}

/**
 * The jitter buffer (docs/satellite.md "Playback"): plays once `target` is buffered; a real-time stream is held at the
 * target (the lowest depth over 200 ms above target + 20 ms is cut), a burst plays whole; running dry re-buffers; flush
 * empties it at once. Posts its state every 100 ms and, when recording, what it played with the time it played it.
 */
class PlaybackProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.queue = [];          // {data: Float32Array, offset, burst}
    this.depth = 0;           // samples queued
    this.target = Math.round(0.04 * sampleRate);
    this.buffering = true;
    this.realTime = true;
    this.volume = 1;
    this.windowMin = Infinity;
    this.windowEnd = currentTime + 0.2;
    this.counters = { underruns: 0, overruns: 0, trimmedSamples: 0, flushes: 0, flushedSamples: 0, playedSamples: 0 };
    this.recording = null;
    this.nextReport = 0;
    this.port.onmessage = event => this.command(event.data);
  }

  command(message) {
    switch (message.type) {
      case "audio":
        if (this.depth > 10 * sampleRate) { this.counters.overruns++; return; }
        this.queue.push({ data: message.samples, offset: 0, burst: !this.realTime });
        this.depth += message.samples.length;
        return;
      case "flush":
        this.counters.flushes++;
        this.counters.flushedSamples += this.depth;
        this.queue = [];
        this.depth = 0;
        this.buffering = true;
        this.report(true);
        return;
      case "kind": this.realTime = message.kind === "real_time"; return;
      case "target": this.target = Math.round(message.ms / 1000 * sampleRate); return;
      case "volume": this.volume = message.level; return;
      case "record": this.recording = message.on ? { samples: new Float32Array(1024), filled: 0, time: 0 } : null; return;
    }
  }

  process(_, outputs) {
    const output = outputs[0];
    const out = output[0];
    out.fill(0);
    if (this.buffering && this.depth >= this.target && this.depth > 0) this.buffering = false;
    if (!this.buffering) {
      this.holdAtTarget();
      let written = 0;
      while (written < out.length && this.queue.length > 0) {
        const head = this.queue[0];
        const n = Math.min(out.length - written, head.data.length - head.offset);
        for (let i = 0; i < n; i++) out[written + i] = head.data[head.offset + i] * this.volume;
        head.offset += n;
        written += n;
        this.depth -= n;
        if (head.offset === head.data.length) this.queue.shift();
      }

      this.counters.playedSamples += written;
      if (written < out.length) {
        this.counters.underruns++;
        this.buffering = true;
      }
    }

    for (let c = 1; c < output.length; c++) output[c].set(out);
    this.record(out);
    if (currentTime >= this.nextReport) this.report(false);
    return true;
  }

  holdAtTarget() {
    this.windowMin = Math.min(this.windowMin, this.depth);
    if (currentTime < this.windowEnd) return;
    const excess = this.windowMin - this.target;
    this.windowMin = Infinity;
    this.windowEnd = currentTime + 0.2;
    if (!this.realTime || excess <= 0.02 * sampleRate) return;
    let cut = excess;
    while (cut > 0 && this.queue.length > 0 && !this.queue[0].burst) {
      const head = this.queue[0];
      const n = Math.min(cut, head.data.length - head.offset);
      head.offset += n;
      cut -= n;
      this.depth -= n;
      this.counters.trimmedSamples += n;
      if (head.offset === head.data.length) this.queue.shift();
    }
  }

  record(out) {
    const recording = this.recording;
    if (!recording) return;
    if (recording.filled === 0) recording.time = currentTime;
    recording.samples.set(out, recording.filled);
    recording.filled += out.length;
    if (recording.filled + out.length > recording.samples.length) {
      const samples = recording.samples.slice(0, recording.filled);
      this.port.postMessage({ type: "played", samples, time: recording.time }, [samples.buffer]);
      recording.filled = 0;
    }
  }

  report(flushed) {
    this.nextReport = currentTime + 0.1;
    this.port.postMessage({ type: "state", flushed, depthMs: this.depth / sampleRate * 1000, targetMs: this.target / sampleRate * 1000, ...this.counters });
  }
}

registerProcessor("jarvis-capture", CaptureProcessor);
registerProcessor("jarvis-playback", PlaybackProcessor);
