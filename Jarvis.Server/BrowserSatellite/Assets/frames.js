// Link protocol v1 audio frames (docs/link-protocol.md): a 12-byte header (version|direction, codec, u32 sequence,
// u48 timestamp in µs, little-endian), then one payload.
export const HEADER_BYTES = 12;
export const CODEC_OPUS = 1;
export const CODEC_PCM16 = 2;
const VERSION = 1;
const UPLINK = 0;
const DOWNLINK = 1;

/** The uplink frame for one Opus packet. */
export function writeUplink(sequence, timestampUs, payload) {
  const frame = new Uint8Array(HEADER_BYTES + payload.byteLength);
  const view = new DataView(frame.buffer);
  frame[0] = (VERSION << 4) | UPLINK;
  frame[1] = CODEC_OPUS;
  view.setUint32(2, sequence >>> 0, true);
  const t = Math.max(0, Math.round(timestampUs)) % 2 ** 48;
  view.setUint32(6, t % 2 ** 32, true);
  view.setUint16(10, Math.floor(t / 2 ** 32), true);
  frame.set(payload, HEADER_BYTES);
  return frame;
}

/**
 * Reads a downlink frame: {sequence, timestampUs, codec, payload} or {error} (the link closes with 4000/4001/4003), or null for
 * a frame of a codec or direction this page does not know (ignored, like any v1 peer does).
 */
export function readDownlink(buffer) {
  if (buffer.byteLength < HEADER_BYTES + 1) return { error: 4000, reason: "audio frame shorter than 13 bytes" };
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  if (bytes[0] >> 4 !== VERSION) return { error: 4001, reason: "unsupported protocol version" };
  const direction = bytes[0] & 0x0f;
  if (direction === UPLINK) return { error: 4003, reason: "uplink audio sent to a satellite" };
  if (direction !== DOWNLINK || (bytes[1] !== CODEC_OPUS && bytes[1] !== CODEC_PCM16)) return null;
  return {
    codec: bytes[1],
    sequence: view.getUint32(2, true),
    timestampUs: view.getUint32(6, true) + view.getUint16(10, true) * 2 ** 32,
    payload: bytes.subarray(HEADER_BYTES),
  };
}
