#!/usr/bin/env bash
# Installs (or with --uninstall removes) the Jarvis server as a launchd LaunchAgent on macOS (Apple silicon).
#   launchd/install.sh [--prefix DIR] [--uninstall]
# Idempotent: running it again republishes, replaces the files and reloads the agent. Keeps an existing jarvis.json.
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
# Replace the program files but keep the user's configuration.
find "$PREFIX" -mindepth 1 -maxdepth 1 ! -name jarvis.json ! -name .jarvis-install -exec rm -rf {} +
cp -R "$STAGING"/. "$PREFIX"/
touch "$PREFIX/.jarvis-install"
if [ ! -f "$PREFIX/jarvis.json" ]; then
  cp "$REPO/docs/jarvis.example.json" "$PREFIX/jarvis.json"
  echo "Created ${PREFIX}/jarvis.json from the example: edit it (satellite tokens, PersonaPlex URL)."
fi

sed -e "s#__PREFIX__#${PREFIX}#g" -e "s#__LOGDIR__#${LOGDIR}#g" "$REPO/launchd/${LABEL}.plist" > "$PLIST"
plutil -lint "$PLIST" >/dev/null
launchctl bootstrap "$DOMAIN" "$PLIST"
launchctl enable "${DOMAIN}/${LABEL}"
echo "Installed ${LABEL}: status page http://localhost:8080/ ; logs in ${LOGDIR}."
