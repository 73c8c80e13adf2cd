#!/usr/bin/env bash
# Sets up PipeWire's echo-cancel module (WebRTC AEC3) for the Jarvis satellite: the satellite then captures the
# echo-cancelled source and plays into the echo-cancel sink (Satellite:Aec:Engine = System). Called by install.sh
# --aec system; can be run on its own (idempotent). Needs webrtc-audio-processing 1.x (AEC3): Raspberry Pi OS
# trixie / Debian 13 and later. On bookworm PipeWire's module uses webrtc-audio-processing 0.3 (the older canceller
# the satellite already runs itself): the script refuses and says so.
#
#   sudo ./pipewire-echo-cancel.sh [--user jarvis-satellite] [--home /var/lib/jarvis-satellite] [--remove]
set -euo pipefail

user=jarvis-satellite
home=/var/lib/jarvis-satellite
remove=0
while [ $# -gt 0 ]; do
  case "$1" in
    --user) user="$2"; shift 2 ;;
    --home) home="$2"; shift 2 ;;
    --remove) remove=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "pipewire-echo-cancel.sh: unknown option $1" >&2; exit 1 ;;
  esac
done

PW_CONF=/etc/pipewire/pipewire.conf.d/60-jarvis-echo-cancel.conf
DROPIN=/etc/systemd/system/jarvis-satellite.service.d/20-pipewire.conf
ASOUNDRC="$home/.asoundrc"

if [ "$remove" -eq 1 ]; then
  rm -f "$PW_CONF" "$DROPIN" "$ASOUNDRC"
  loginctl disable-linger "$user" 2>/dev/null || true
  echo "PipeWire echo cancellation for Jarvis removed."
  exit 0
fi

if ! apt-cache show libwebrtc-audio-processing-1-3 >/dev/null 2>&1; then
  echo "pipewire-echo-cancel.sh: this system has no webrtc-audio-processing 1.x (AEC3); PipeWire's echo-cancel would" >&2
  echo "  use the same older WebRTC canceller the satellite runs itself. Use install.sh --aec webrtc instead." >&2
  exit 2
fi

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends pipewire pipewire-alsa wireplumber libspa-0.2-modules libwebrtc-audio-processing-1-3
uid="$(id -u "$user")"

install -d -m 0755 "$(dirname "$PW_CONF")"
cat > "$PW_CONF" <<'CONF'
# Jarvis satellite: WebRTC AEC3 between the speaker and the microphone (written by pipewire-echo-cancel.sh).
context.modules = [
  { name = libpipewire-module-echo-cancel
    args = {
      library.name = aec/libspa-aec-webrtc
      aec.args = {
        webrtc.extended_filter = true
        webrtc.delay_agnostic = true
        webrtc.high_pass_filter = true
        webrtc.noise_suppression = true
        webrtc.gain_control = false
      }
      capture.props = { node.name = "jarvis_ec_capture" node.passive = true }
      source.props = { node.name = "jarvis_ec_source" node.description = "Jarvis microphone (echo cancelled)" }
      sink.props = { node.name = "jarvis_ec_sink" node.description = "Jarvis speaker (echo reference)" }
      playback.props = { node.name = "jarvis_ec_playback" node.passive = true }
    }
  }
]
CONF

# The service user's own PipeWire (started with its user manager, kept without a login) and ALSA devices on its nodes.
loginctl enable-linger "$user"
cat > "$ASOUNDRC" <<ALSA
pcm.jarvis_ec_in { type pipewire capture_node "jarvis_ec_source" playback_node "-1" }
pcm.jarvis_ec_out { type pipewire playback_node "jarvis_ec_sink" capture_node "-1" }
ALSA
chown "$user:$user" "$ASOUNDRC"
install -d -m 0755 "$(dirname "$DROPIN")"
cat > "$DROPIN" <<UNIT
# PipeWire echo cancellation (pipewire-echo-cancel.sh): talk to the service user's PipeWire.
[Unit]
Wants=user@$uid.service
After=user@$uid.service
[Service]
Environment=XDG_RUNTIME_DIR=/run/user/$uid
UNIT
systemctl daemon-reload
systemctl restart "user@$uid.service" || true
echo "PipeWire echo cancellation ready: devices jarvis_ec_in / jarvis_ec_out, Satellite:Aec:Engine = System."
