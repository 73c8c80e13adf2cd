#!/usr/bin/env bash
# Installs (or with --uninstall removes) the Jarvis server as a launchd LaunchAgent on macOS (Apple silicon).
#   launchd/install.sh [--prefix DIR] [--uninstall]
# Idempotent: running it again republishes, replaces the program files and reloads the agent. Keeps jarvis.json and the
# server's state (API token, MQTT credentials, ratings: the same directory, mode 0700, files 0600).
set -euo pipefail

LABEL="com.jarvis.server"
PREFIX="${HOME}/Library/Application Support/Jarvis"
LOGDIR="${HOME}/Library/Logs/Jarvis"
PLIST="${HOME}/Library/LaunchAgents/${LABEL}.plist"
DOMAIN="gui/$(id -u)"
UNINSTALL=0

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$(uname -s)" != "Darwin" ]; then
  echo "launchd is macOS only; on Linux run the server under systemd or 'dotnet run --project Jarvis.Server'." >&2
  exit 1
fi

unload() {
  if launchctl print "${DOMAIN}/${LABEL}" >/dev/null 2>&1; then
    launchctl bootout "${DOMAIN}/${LABEL}" || true
  fi
}

if [ "$UNINSTALL" -eq 1 ]; then
  unload
  rm -f "$PLIST"
  echo "Removed ${LABEL}. Program files and configuration remain in ${PREFIX}; logs in ${LOGDIR}."
  exit 0
fi

REPO="$(cd "$(dirname "$0")/.." && pwd)"
command -v dotnet >/dev/null || { echo "dotnet not found: install the .NET 10 SDK first (brew install --cask dotnet-sdk)." >&2; exit 1; }

mkdir -p "$PREFIX" "$LOGDIR" "$(dirname "$PLIST")"
STAGING="$(mktemp -d)"
trap 'rm -rf "$STAGING"' EXIT
dotnet publish "$REPO/Jarvis.Server/Jarvis.Server.csproj" -c Release -r osx-arm64 --self-contained true -o "$STAGING"

# Refuse to clean a directory that is not ours (a mistyped --prefix must never wipe a home folder).
if [ -d "$PREFIX" ] && [ -n "$(ls -A "$PREFIX")" ] && [ ! -e "$PREFIX/Jarvis.Server" ] && [ ! -e "$PREFIX/.jarvis-install" ]; then
  echo "$PREFIX is not empty and holds no Jarvis installation: choose another --prefix." >&2
  exit 1
fi

unload
# Replace exactly the entries the new build has; everything else (jarvis.json, the state files) stays.
for entry in "$STAGING"/* "$STAGING"/.[!.]*; do
  [ -e "$entry" ] || continue
  rm -rf "${PREFIX:?}/$(basename "$entry")"
done
cp -R "$STAGING"/. "$PREFIX"/
touch "$PREFIX/.jarvis-install"
chmod 700 "$PREFIX"

# A token as systemd/install.sh makes one: 40 characters of base64 without symbols (about 238 bits).
new_token() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-40; }

if [ ! -f "$PREFIX/jarvis.json" ]; then
  umask 077
  cp "$REPO/docs/jarvis.example.json" "$PREFIX/jarvis.json"
  # The example's placeholder tokens are refused by the server: give every example satellite its own token.
  while grep -q '"replace-with-[^"]*"' "$PREFIX/jarvis.json"; do
    token="$(new_token)"
    sed -i '' -e "1,/\"replace-with-[^\"]*\"/s/\"replace-with-[^\"]*\"/\"${token}\"/" "$PREFIX/jarvis.json"
  done
  chmod 600 "$PREFIX/jarvis.json"
  echo "Created ${PREFIX}/jarvis.json from the example with a new token per satellite; set the same token on each satellite"
  echo "(Satellite:Link:Token in /etc/jarvis/satellite.json), or enrol the tokens that systemd/install.sh printed:"
  grep -o '"[a-z0-9_-]*": { "Room": "[a-z0-9_-]*", "Token": "[^"]*" }' "$PREFIX/jarvis.json" | sed 's/^/    /'
fi

sed -e "s#__PREFIX__#${PREFIX}#g" -e "s#__LOGDIR__#${LOGDIR}#g" "$REPO/launchd/${LABEL}.plist" > "$PLIST"
plutil -lint "$PLIST" >/dev/null
launchctl bootstrap "$DOMAIN" "$PLIST"
launchctl enable "${DOMAIN}/${LABEL}"
echo "Installed ${LABEL}: status page http://localhost:8080/ ; logs in ${LOGDIR}."
echo "At its first start the server prints its API token (the status page asks for it) and Home Assistant's MQTT account"
echo "once into ${LOGDIR}/jarvis-server.log; they are kept in ${PREFIX} (api-token, mqtt-homeassistant-password)."
