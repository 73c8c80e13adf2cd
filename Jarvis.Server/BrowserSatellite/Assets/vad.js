// Voice activity on 20 ms frames after the browser's echo cancellation and noise suppression: a frame is voiced when its
// level is 10 dB above the tracked noise floor and above −55 dBFS. As on the Pi: score = share of voiced frames over 300 ms,
// voice starts at 0.4 and stops after 800 ms without a voiced frame; levels are the RMS of the voiced frames.
const WINDOW_FRAMES = 15;          // 300 ms
const START_SCORE = 0.4;
const HANGOVER_MS = 800;
const LEVEL_UPDATE_MS = 250;

export const dbfs = meanSquare => meanSquare > 0 ? Math.max(-200, 10 * Math.log10(meanSquare)) : -200;

export class EnergyVad {
  #floor = -60; #voiced = new Array(WINDOW_FRAMES).fill(null); #index = 0;
  #active = false; #lastVoicedMs = 0; #utterance = { energy: 0, frames: 0, scores: 0, count: 0 }; #lastLevelMs = 0;

  get active() { return this.#active; }

  /** One frame; returns null or {event: "start"|"stop"|"level", score?, levelDbfs}. */
  push(samples, nowMs) {
    let sum = 0;
    for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
    const meanSquare = sum / samples.length;
    const level = dbfs(meanSquare);
    this.#floor = level < this.#floor ? this.#floor + (level - this.#floor) * 0.3 : this.#floor + 0.02;
    const voiced = level > Math.max(this.#floor + 10, -55);
    this.#voiced[this.#index] = voiced ? meanSquare : null;
    this.#index = (this.#index + 1) % WINDOW_FRAMES;
    if (voiced) this.#lastVoicedMs = nowMs;
    const window = this.#voiced.filter(v => v !== null);
    const score = window.length / WINDOW_FRAMES;
    const windowLevel = window.length ? dbfs(window.reduce((a, b) => a + b, 0) / window.length) : -200;

    if (!this.#active) {
      if (score < START_SCORE) return null;
      this.#active = true;
      this.#utterance = { energy: 0, frames: 0, scores: 0, count: 0 };
      this.#lastLevelMs = nowMs;
      this.#count(voiced, meanSquare, score);
      return { event: "start", score, levelDbfs: windowLevel };
    }

    this.#count(voiced, meanSquare, score);
    if (nowMs - this.#lastVoicedMs >= HANGOVER_MS) return this.stop();
    if (nowMs - this.#lastLevelMs >= LEVEL_UPDATE_MS && window.length > 0) {
      this.#lastLevelMs = nowMs;
      return { event: "level", levelDbfs: windowLevel };
    }

    return null;
  }

  /** Ends the utterance (at its hangover, or at once on mute); null when there was none. */
  stop() {
    if (!this.#active) return null;
    this.#active = false;
    this.#voiced.fill(null);
    const u = this.#utterance;
    return { event: "stop", score: u.count ? u.scores / u.count : 0, levelDbfs: u.frames ? dbfs(u.energy / u.frames) : -200 };
  }

  #count(voiced, meanSquare, score) {
    const u = this.#utterance;
    u.scores += score;
    u.count++;
    if (voiced) { u.energy += meanSquare; u.frames++; }
  }
}
