// The microphone: getUserMedia with the browser's echo cancellation, noise suppression and auto gain → the capture
// worklet (16 kHz, 20 ms) → voice activity → Opus (WebCodecs AudioEncoder) → uplink frames. Audio is sent while voice is
// active (after the 400 ms before its start) or while the server says the conversation is in this room. Muted: the track is
// disabled and the worklet drops every frame, so nothing reaches the encoder.
import { writeUplink } from "./frames.js";
import { EnergyVad } from "./vad.js";
import { nowUs } from "./link.js";

const RATE = 16000;
const FRAME_SAMPLES = 320;
const PRE_ROLL_FRAMES = 20; // 400 ms

export const opusConfig = {
  codec: "opus", sampleRate: RATE, numberOfChannels: 1, bitrate: 24000,
  opus: { frameDuration: 20000, complexity: 5, useinbandfec: true },
};

export class Microphone {
  #context; #link; #onVoice; #stream = null; #node = null; #encoder = null; #vad = new EnergyVad();
  #preRoll = []; #sequence = 0; #muted = false;
  conversation = false;
  framesSent = 0;
  onFrame = null; // (samples, contextTime) for a test recording

  constructor(context, link, onVoice) {
    this.#context = context;
    this.#link = link;
    this.#onVoice = onVoice;
  }

  async start() {
    this.#stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
    });
    const source = this.#context.createMediaStreamSource(this.#stream);
    this.#node = new AudioWorkletNode(this.#context, "jarvis-capture", {
      numberOfOutputs: 1, processorOptions: { targetRate: RATE, frameSamples: FRAME_SAMPLES },
    });
    const sink = this.#context.createGain();
    sink.gain.value = 0; // a worklet is pulled only while connected to the destination
    source.connect(this.#node).connect(sink).connect(this.#context.destination);
    this.#node.port.onmessage = event => this.#frame(event.data.samples, event.data.time);
    this.#encoder = await this.#createEncoder();
    this.setMuted(this.#muted);
  }

  setMuted(muted) {
    this.#muted = muted;
    for (const track of this.#stream?.getAudioTracks() ?? []) track.enabled = !muted;
    this.#node?.port.postMessage({ muted });
    if (muted) {
      this.#preRoll = [];
      const stop = this.#vad.stop();
      if (stop) this.#onVoice(stop);
    }
  }

  async #createEncoder() {
    const encoder = new AudioEncoder({
      output: chunk => this.#encoded(chunk),
      error: error => console.warn("Opus encoder failed", error),
    });
    const { supported } = await AudioEncoder.isConfigSupported(opusConfig);
    const { opus, ...plain } = opusConfig;
    encoder.configure(supported ? opusConfig : plain);
    return encoder;
  }

  #frame(samples, contextTime) {
    if (this.#muted) return;
    this.onFrame?.(samples, contextTime);
    const voice = this.#vad.push(samples, performance.now());
    if (voice) this.#onVoice(voice);
    if (this.#encoder?.state !== "configured") return;
    const data = new AudioData({
      format: "f32", sampleRate: RATE, numberOfFrames: samples.length, numberOfChannels: 1,
      timestamp: nowUs() - 20000, data: samples,
    });
    this.#encoder.encode(data);
    data.close();
  }

  #encoded(chunk) {
    if (this.#muted) return;
    const packet = new Uint8Array(chunk.byteLength);
    chunk.copyTo(packet);
    const streaming = this.#link.connected && (this.conversation || this.#vad.active);
    if (!streaming) {
      this.#preRoll.push({ packet, timestamp: chunk.timestamp });
      if (this.#preRoll.length > PRE_ROLL_FRAMES) this.#preRoll.shift();
      return;
    }

    for (const held of this.#preRoll.splice(0)) this.#send(held.packet, held.timestamp);
    this.#send(packet, chunk.timestamp);
  }

  #send(packet, timestamp) {
    if (this.#link.sendAudio(writeUplink(this.#sequence, timestamp, packet))) {
      this.#sequence = (this.#sequence + 1) >>> 0;
      this.framesSent++;
    }
  }
}
