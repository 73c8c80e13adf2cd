#!/usr/bin/env bash
# Installs the Jarvis satellite on a Raspberry Pi (64-bit Raspberry Pi OS / Debian 12+), no .NET SDK needed.
#
#   sudo ./install.sh --room kitchen [--id kitchen-sat] [--server ws://jarvis.local:8080/link/v1]
#                     [--publish DIR] [--leds ReSpeaker2Mic|ReSpeaker4Mic|Gpio|None] [--button 17]
#                     [--aec webrtc|speex|system]
#   sudo ./install.sh --uninstall [--purge]
#
# Without --server the satellite finds the server on the LAN by mDNS (_jarvis._tcp).
# --room takes a room name ("Living Room") and writes its id (living_room): lower-case letters, digits, - and _.
# --button takes the BCM GPIO number of the mute button (17 or GPIO17). The written configuration is checked with
# `jarvis-satellite check-config` before the service is enabled. --root DIR (or JARVIS_INSTALL_ROOT) installs under DIR
# and only prints the system commands (apt-get, useradd, systemctl, …) to DIR/commands.log: for tests.
#
# DIR is a publish of Jarvis.Satellite for linux-arm64: Native AOT (-p:PublishAot=true, preferred) or self-contained
# JIT (docs/satellite.md). Default: the directory this script is in if it holds jarvis-satellite, else
# ../publish/linux-arm64-aot, else ../publish/linux-arm64. --aec system sets up PipeWire's echo-cancel (AEC3, needs
# webrtc-audio-processing 1.x: Raspberry Pi OS trixie) through pipewire-echo-cancel.sh.
# Idempotent: re-running updates the program and the unit and keeps the existing configuration and token.
set -euo pipefail

ROOT="${JARVIS_INSTALL_ROOT:-}"
for arg in "$@"; do
  case "$arg" in --root=*) ROOT="${arg#--root=}" ;; esac
done
prev=""
for arg in "$@"; do
  if [ "$prev" = "--root" ]; then ROOT="$arg"; fi
  prev="$arg"
done

PREFIX="$ROOT/opt/jarvis-satellite"
CONFIG_DIR="$ROOT/etc/jarvis"
CONFIG="$CONFIG_DIR/satellite.json"
STATE_DIR="$ROOT/var/lib/jarvis-satellite"
SERVICE_USER=jarvis-satellite
UNIT="$ROOT/etc/systemd/system/jarvis-satellite.service"
GROUPS_WANTED="audio gpio spi"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

server=""   # empty: the satellite finds the server by mDNS (_jarvis._tcp)
room="$(hostname -s)"
id=""
leds="None"
button=""
publish=""
aec="webrtc"
uninstall=0
purge=0

die() { echo "install.sh: $*" >&2; exit 1; }

# A system command: run it, or under --root only record it (tests never touch the machine).
sys() {
  if [ -n "$ROOT" ]; then echo "$*" >> "$ROOT/commands.log"; else "$@"; fi
}

# The value after an option; "--room" at the end or before another option is a clear error, not "$2: unbound variable".
value_of() {
  local option="$1" example="$2"; shift 2
  if [ $# -eq 0 ] || [ -z "$1" ] || [ "${1#--}" != "$1" ]; then die "$option needs a value, e.g. $option $example"; fi
  printf '%s' "$1"
}

# A room or id as the server accepts it: lower case, [a-z0-9_-], other characters runs become "_", at most 64.
slug() {
  printf '%s' "$1" | tr '[:upper:]' '[:lower:]' | sed -e 's/[^a-z0-9_-]\{1,\}/_/g' -e 's/^[_-]*//' -e 's/[_-]*$//' | cut -c1-64
}

# A JSON string literal for any text: backslash, quote and control characters escaped.
json_string() {
  local s="$1" out="" c i code
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      \\) out+='\\' ;;
      '"') out+='\"' ;;
      *)
        printf -v code '%d' "'$c"
        if [ "$code" -ge 0 ] && [ "$code" -lt 32 ]; then printf -v c '\\u%04x' "$code"; fi
        out+="$c" ;;
    esac
  done
  printf '"%s"' "$out"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --server) server="$(value_of --server ws://jarvis.local:8080/link/v1 "${@:2}")"; shift 2 ;;
    --room) room="$(value_of --room kitchen "${@:2}")"; shift 2 ;;
    --id) id="$(value_of --id kitchen-pi "${@:2}")"; shift 2 ;;
    --leds) leds="$(value_of --leds ReSpeaker2Mic "${@:2}")"; shift 2 ;;
    --button) button="$(value_of --button 17 "${@:2}")"; shift 2 ;;
    --publish) publish="$(value_of --publish DIR "${@:2}")"; shift 2 ;;
    --aec) aec="$(value_of --aec webrtc "${@:2}")"; shift 2 ;;
    --root) ROOT="$(value_of --root DIR "${@:2}")"; shift 2 ;;
    --root=*) shift ;;
    --server=*|--room=*|--id=*|--leds=*|--button=*|--publish=*|--aec=*) set -- "${1%%=*}" "${1#*=}" "${@:2}" ;;
    --uninstall) uninstall=1; shift ;;
    --purge) purge=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

case "$aec" in
  webrtc) engine=WebRtc ;;
  speex) engine=Speex ;;
  system) engine=System ;;
  *) die "--aec must be webrtc, speex or system (is '$aec')" ;;
esac
[ -n "$ROOT" ] || [ "$(id -u)" -eq 0 ] || die "run as root (sudo)"

if [ "$uninstall" -eq 0 ]; then
  room_id="$(slug "$room")"
  [ -n "$room_id" ] || die "--room '$room' has no letters or digits: give a room name such as kitchen or \"Living Room\""
  if [ "$room_id" != "$room" ]; then echo "Room '$room' is written as the room id '$room_id' (lower-case letters, digits, - and _)."; fi
  room="$room_id"
  if [ -n "$id" ]; then
    id_slug="$(slug "$id")"
    [ -n "$id_slug" ] || die "--id '$id' has no letters or digits"
    if [ "$id_slug" != "$id" ]; then echo "Satellite id '$id' is written as '$id_slug'."; fi
    id="$id_slug"
  fi
  id="${id:-$room-satellite}"
  case "$server" in
    ""|ws://?*|wss://?*) ;;   # empty: found by mDNS
    *) die "--server must be the server's link URL, ws://HOST:8080/link/v1 (or wss://), not '$server'" ;;
  esac
  case "$server" in *[[:space:]\"\\]*) die "--server '$server' contains spaces, quotes or backslashes" ;; esac
  case "$leds" in
    ReSpeaker2Mic|ReSpeaker4Mic|Gpio|None) ;;
    *) die "--leds must be ReSpeaker2Mic, ReSpeaker4Mic, Gpio or None (is '$leds')" ;;
  esac
  if [ -n "$button" ]; then
    pin="${button#[Gg][Pp][Ii][Oo]}"
    case "$pin" in ''|*[!0-9]*) die "--button takes the mute button's BCM GPIO number, e.g. --button 17 (is '$button')" ;; esac
    pin=$((10#$pin))
    [ "$pin" -le 27 ] || die "--button $button: the Raspberry Pi's header has GPIO 0 to 27"
    if [ "$pin" != "$button" ]; then echo "Button '$button' is written as GPIO pin $pin."; fi
    button="$pin"
  fi
fi

uninstall_satellite() {
  if [ -n "$ROOT" ] || systemctl list-unit-files jarvis-satellite.service >/dev/null 2>&1; then
    sys systemctl disable --now jarvis-satellite.service 2>/dev/null || true
  fi
  rm -f "$UNIT"
  rm -rf "$UNIT.d"
  [ -x "$SCRIPT_DIR/pipewire-echo-cancel.sh" ] && sys "$SCRIPT_DIR/pipewire-echo-cancel.sh" --remove --user "$SERVICE_USER" --home "$STATE_DIR" || true
  sys systemctl daemon-reload 2>/dev/null || true
  rm -rf "$PREFIX"
  if [ "$purge" -eq 1 ]; then
    rm -f "$CONFIG"
    rmdir "$CONFIG_DIR" 2>/dev/null || true
    rm -rf "$STATE_DIR"
    if id -u "$SERVICE_USER" >/dev/null 2>&1; then sys userdel "$SERVICE_USER"; fi
    echo "Jarvis satellite removed with its configuration, state and user."
  else
    echo "Jarvis satellite removed (configuration $CONFIG kept; --purge removes it too)."
  fi
}

# The first of the given package names that apt knows.
pick() {
  if [ -n "$ROOT" ]; then echo "$1"; return; fi
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
      "ServerUrl": $(json_string "$server"),
      "SatelliteId": $(json_string "$id"),
      "Room": $(json_string "$room"),
      "Token": $(json_string "$token")
    },
    "Audio": { "InputDevice": $(json_string "$input_device"), "OutputDevice": $(json_string "$output_device"), "SampleRate": 16000 },
    "Aec": { "Enabled": true, "Engine": $(json_string "$engine") },
    "Leds": { "Profile": $(json_string "$leds"), "Brightness": 16 },
    "Button": { "Pin": $button_json }
  }
}
JSON
  sys chown root:"$SERVICE_USER" "$CONFIG"
  chmod 0640 "$CONFIG"
  WROTE_CONFIG=1
  echo "Wrote $CONFIG. Approve the satellite '$id' (room '$room') on the server's status page when it asks to join;"
  echo "its pairing code is $(printf '%s' "$token" | sha256sum | cut -c1-6 | tr 'a-f' 'A-F')."
}

# The satellite's own validation of the written (or kept) configuration; the service is enabled only when it passes.
check_config() {
  local output
  if output="$("$PREFIX/jarvis-satellite" check-config --config "$CONFIG" 2>&1)"; then
    echo "$output"
    return
  fi
  echo "$output" >&2
  if [ "${WROTE_CONFIG:-0}" -eq 1 ]; then
    rm -f "$CONFIG"
    die "the configuration written from these options is not valid (above); nothing was enabled. Correct the options and run again."
  fi
  die "the existing configuration $CONFIG is not valid (above); nothing was enabled. Fix it (or remove it to have a new one written) and run again."
}

# Groups that exist on this system (under --root: those in ROOT/etc/group).
group_exists() {
  if [ -n "$ROOT" ]; then grep -q "^$1:" "$ROOT/etc/group" 2>/dev/null; else getent group "$1" >/dev/null; fi
}

# The unit names only groups that exist: systemd refuses to start a unit with a missing one (216/GROUP).
write_groups_dropin() {
  local present=() missing=() group
  for group in $GROUPS_WANTED; do
    if group_exists "$group"; then
      present+=("$group")
      sys usermod -a -G "$group" "$SERVICE_USER"
    else
      missing+=("$group")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Skipping group(s) ${missing[*]}: not on this system (on a Raspberry Pi they give access to the button/LED GPIO and SPI)."
  fi
  printf '%s\n' "# Supplementary groups that exist here (install.sh)" "[Service]" "SupplementaryGroups=" \
    "SupplementaryGroups=${present[*]}" > "$UNIT.d/20-groups.conf"
}

install_satellite() {
  local dir
  dir="$(find_publish_dir)"
  [ -x "$dir/jarvis-satellite" ] || die "no jarvis-satellite in '$dir': publish with dotnet publish Jarvis.Satellite -c Release -r linux-arm64 --self-contained -o DIR, then pass --publish DIR"

  export DEBIAN_FRONTEND=noninteractive
  sys apt-get update -q
  # libopus-dev: its unversioned libopus.so is what lets Concentus use native libopus (half the CPU, no allocations).
  # libssl: .NET's networking loads it at start (Debian 13 renamed some libraries with a t64 suffix).
  # libasound2 is what the default audio backend (Satellite:Audio:Backend=Alsa) uses; libportaudio2 (small) stays so that
  # Backend=PortAudio and `jarvis-satellite devices portaudio` keep working without another apt-get.
  sys apt-get install -y -q --no-install-recommends libportaudio2 libspeexdsp1 libwebrtc-audio-processing1 libopus0 libopus-dev \
    "$(pick libasound2t64 libasound2)" "$(pick libssl3t64 libssl3)" ca-certificates

  if [ -n "$ROOT" ] || ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
    sys useradd --system --no-create-home --home-dir "$STATE_DIR" --shell /usr/sbin/nologin "$SERVICE_USER"
  fi

  install -d -m 0755 "$PREFIX"
  cp -a "$dir/." "$PREFIX/"
  chmod 0755 "$PREFIX/jarvis-satellite"
  install -d -m 0750 "$STATE_DIR"
  sys chown "$SERVICE_USER:$SERVICE_USER" "$STATE_DIR"
  write_config
  check_config

  install -d -m 0755 "$(dirname "$UNIT")" "$UNIT.d"
  install -m 0644 "$SCRIPT_DIR/jarvis-satellite.service" "$UNIT"
  write_groups_dropin
  if [ -f "$PREFIX/jarvis-satellite.dll" ]; then
    rm -f "$UNIT.d/10-native-aot.conf"
    echo "Installing the JIT build (a Native AOT publish starts faster and uses less memory: docs/satellite.md)."
  else
    # Native code only: no JIT, so no page ever needs to be writable and executable.
    printf '%s\n' "# Native AOT build (install.sh)" "[Service]" "MemoryDenyWriteExecute=yes" > "$UNIT.d/10-native-aot.conf"
    echo "Installing the Native AOT build."
  fi
  if [ "$engine" = System ]; then
    sys "$SCRIPT_DIR/pipewire-echo-cancel.sh" --user "$SERVICE_USER" --home "$STATE_DIR"
  fi
  sys systemctl daemon-reload
  sys systemctl enable jarvis-satellite.service
  sys systemctl restart jarvis-satellite.service
  ls /dev/spidev* >/dev/null 2>&1 || [ "$leds" = "None" ] || echo "Note: no /dev/spidev*: enable SPI (dtparam=spi=on in /boot/firmware/config.txt) for the LEDs."
  echo "Installed. Audio devices: sudo -u $SERVICE_USER $PREFIX/jarvis-satellite devices; logs: journalctl -u jarvis-satellite -f"
}

if [ "$uninstall" -eq 1 ]; then uninstall_satellite; else install_satellite; fi
