#!/bin/sh
# Makes sure a Docker engine answers on this machine: installs Debian's docker.io
# when dockerd is missing, starts it (through systemd where there is one, else
# in the background) when its socket does not answer, then waits at most 60 s.
# Run as root.
set -eu

if ! command -v dockerd >/dev/null 2>&1; then
  echo "Installing the Docker engine (docker.io)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi

if docker info >/dev/null 2>&1; then
  exit 0
fi

log="${TMPDIR:-/tmp}/dockerd.log"
echo "Starting dockerd"
if ! { command -v systemctl >/dev/null 2>&1 && systemctl start docker 2>/dev/null; }; then
  nohup dockerd >"$log" 2>&1 &
fi
i=0
until docker info >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 120 ]; then
    echo "dockerd did not answer within 60 s; see $log (or journalctl -u docker)" >&2
    tail -n 30 "$log" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 0.5
done
