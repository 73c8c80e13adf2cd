#!/usr/bin/env bash
# Installs the Jarvis satellite on a Raspberry Pi (64-bit Raspberry Pi OS / Debian 12+), no .NET SDK needed.
#
#   sudo ./install.sh --room kitchen [--id kitchen-sat] [--server ws://jarvis.local:8080/link/v1]
#                     [--publish DIR] [--leds ReSpeaker2Mic|ReSpeaker4Mic|Gpio|None] [--button 17]
#                     [--aec webrtc|speex|system]
#   sudo ./install.sh --uninstall [--purge]
#
# DIR is a publish of Jarvis.Satellite for linux-arm64: Native AOT (-p:PublishAot=true, preferred) or self-contained
# JIT (docs/satellite.md). Default: the directory this script is in if it holds jarvis-satellite, else
# ../publish/linux-arm64-aot, else ../publish/linux-arm64. --aec system sets up PipeWire's echo-cancel (AEC3, needs
# webrtc-audio-processing 1.x: Raspberry Pi OS trixie) through pipewire-echo-cancel.sh.
# Idempotent: re-running updates the program and the unit and keeps the existing configuration and token.
set -euo pipefail

PREFIX=/opt/jarvis-satellite
CONFIG_DIR=/etc/jarvis
CONFIG="$CONFIG_DIR/satellite.json"
STATE_DIR=/var/lib/jarvis-satellite
SERVICE_USER=jarvis-satellite
UNIT=/etc/systemd/system/jarvis-satellite.service
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

server=""   # empty: the satellite finds the server by mDNS (_jarvis._tcp)
room="$(hostname -s | tr 'A-Z' 'a-z' | tr -c 'a-z0-9_\n-' '-')"
id=""
leds="None"
button=""
publish=""
aec="webrtc"
uninstall=0
purge=0

die() { echo "install.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --server) server="$2"; shift 2 ;;
    --room) room="$2"; shift 2 ;;
    --id) id="$2"; shift 2 ;;
    --leds) leds="$2"; shift 2 ;;
    --button) button="$2"; shift 2 ;;
    --publish) publish="$2"; shift 2 ;;
    --aec) aec="$2"; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    --purge) purge=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

case "$aec" in
  webrtc) engine=WebRtc ;;
  speex) engine=Speex ;;
  system) engine=System ;;
  *) die "--aec must be webrtc, speex or system (is '$aec')" ;;
esac
[ "$(id -u)" -eq 0 ] || die "run as root (sudo)"
id="${id:-$room-satellite}"

uninstall_satellite() {
  if systemctl list-unit-files jarvis-satellite.service >/dev/null 2>&1; then
    systemctl disable --now jarvis-satellite.service 2>/dev/null || true
  fi
  rm -f "$UNIT"
  rm -rf "$UNIT.d"
  [ -x "$SCRIPT_DIR/pipewire-echo-cancel.sh" ] && "$SCRIPT_DIR/pipewire-echo-cancel.sh" --remove --user "$SERVICE_USER" --home "$STATE_DIR" || true
  systemctl daemon-reload 2>/dev/null || true
  rm -rf "$PREFIX"
  if [ "$purge" -eq 1 ]; then
    rm -f "$CONFIG"
    rmdir "$CONFIG_DIR" 2>/dev/null || true
    rm -rf "$STATE_DIR"
    if id -u "$SERVICE_USER" >/dev/null 2>&1; then userdel "$SERVICE_USER"; fi
    echo "Jarvis satellite removed with its configuration, state and user."
  else
    echo "Jarvis satellite removed (configuration $CONFIG kept; --purge removes it too)."
  fi
}

# The first of the given package names that apt knows.
pick() {
  for name in "$@"; do
    if apt-cache show "$name" >/dev/null 2>&1; then echo "$name"; return; fi
  done
  echo "$1"
}

find_publish_dir() {
  if [ -n "$publish" ]; then echo "$publish"; return; fi
  if [ -x "$SCRIPT_DIR/jarvis-satellite" ]; then echo "$SCRIPT_DIR"; return; fi
  if [ -x "$SCRIPT_DIR/../publish/linux-arm64-aot/jarvis-satellite" ]; then echo "$SCRIPT_DIR/../publish/linux-arm64-aot"; return; fi
  echo "$SCRIPT_DIR/../publish/linux-arm64"
}

write_config() {
  install -d -m 0755 "$CONFIG_DIR"
  local input_device="" output_device=""
  if [ "$engine" = System ]; then input_device=jarvis_ec_in; output_device=jarvis_ec_out; fi
  if [ -f "$CONFIG" ]; then
    echo "Keeping the existing configuration $CONFIG (token unchanged)."
    grep -q "\"Engine\": *\"$engine\"" "$CONFIG" \
      || echo "Note: to use --aec $aec, set Satellite:Aec:Engine to $engine in $CONFIG${input_device:+ and the audio devices to $input_device / $output_device}."
    return
  fi
  local token
  token="$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-40)"
  local button_json="null"
  [ -n "$button" ] && button_json="$button"
  umask 027
  cat > "$CONFIG" <<JSON
{
  "Satellite": {
    "Link": {
      "ServerUrl": "$server",
      "SatelliteId": "$id",
      "Room": "$room",
      "Token": "$token"
    },
    "Audio": { "InputDevice": "$input_device", "OutputDevice": "$output_device", "SampleRate": 16000 },
    "Aec": { "Enabled": true, "Engine": "$engine" },
    "Leds": { "Profile": "$leds", "Brightness": 16 },
    "Button": { "Pin": $button_json }
  }
}
JSON
  chown root:"$SERVICE_USER" "$CONFIG"
  chmod 0640 "$CONFIG"
  echo "Wrote $CONFIG. Approve the satellite '$id' (room '$room') on the server's status page when it asks to join;"
  echo "its pairing code is $(printf '%s' "$token" | sha256sum | cut -c1-6 | tr 'a-f' 'A-F')."
}

install_satellite() {
  local dir
  dir="$(find_publish_dir)"
  [ -x "$dir/jarvis-satellite" ] || die "no jarvis-satellite in '$dir': publish with dotnet publish Jarvis.Satellite -c Release -r linux-arm64 --self-contained -o DIR, then pass --publish DIR"

  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # libopus-dev: its unversioned libopus.so is what lets Concentus use native libopus (half the CPU, no allocations).
  # libssl: .NET's networking loads it at start (Debian 13 renamed some libraries with a t64 suffix).
  apt-get install -y -q --no-install-recommends libportaudio2 libspeexdsp1 libwebrtc-audio-processing1 libopus0 libopus-dev \
    "$(pick libasound2t64 libasound2)" "$(pick libssl3t64 libssl3)" ca-certificates

  if ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir "$STATE_DIR" --shell /usr/sbin/nologin "$SERVICE_USER"
  fi
  for group in audio gpio spi; do
    if getent group "$group" >/dev/null; then usermod -a -G "$group" "$SERVICE_USER"; fi
  done

  install -d -m 0755 "$PREFIX"
  cp -a "$dir/." "$PREFIX/"
  chmod 0755 "$PREFIX/jarvis-satellite"
  install -d -m 0750 -o "$SERVICE_USER" -g "$SERVICE_USER" "$STATE_DIR"
  write_config

  install -m 0644 "$SCRIPT_DIR/jarvis-satellite.service" "$UNIT"
  install -d -m 0755 "$UNIT.d"
  if [ -f "$PREFIX/jarvis-satellite.dll" ]; then
    rm -f "$UNIT.d/10-native-aot.conf"
    echo "Installing the JIT build (a Native AOT publish starts faster and uses less memory: docs/satellite.md)."
  else
    # Native code only: no JIT, so no page ever needs to be writable and executable.
    printf '%s\n' "# Native AOT build (install.sh)" "[Service]" "MemoryDenyWriteExecute=yes" > "$UNIT.d/10-native-aot.conf"
    echo "Installing the Native AOT build."
  fi
  if [ "$engine" = System ]; then
    "$SCRIPT_DIR/pipewire-echo-cancel.sh" --user "$SERVICE_USER" --home "$STATE_DIR"
  fi
  systemctl daemon-reload
  systemctl enable jarvis-satellite.service
  systemctl restart jarvis-satellite.service
  ls /dev/spidev* >/dev/null 2>&1 || [ "$leds" = "None" ] || echo "Note: no /dev/spidev*: enable SPI (dtparam=spi=on in /boot/firmware/config.txt) for the LEDs."
  echo "Installed. Audio devices: sudo -u $SERVICE_USER $PREFIX/jarvis-satellite devices; logs: journalctl -u jarvis-satellite -f"
}

if [ "$uninstall" -eq 1 ]; then uninstall_satellite; else install_satellite; fi
