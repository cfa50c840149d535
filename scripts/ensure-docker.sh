#!/bin/sh
# Makes sure a Docker engine answers on this machine: installs Debian's docker.io
# when dockerd is missing and starts dockerd in the background when its socket
# does not answer, then waits (at most 60 s) until it does.
set -eu

if ! command -v dockerd >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io >/dev/null
fi

if docker info >/dev/null 2>&1; then
  exit 0
fi

echo "Starting dockerd (log: /tmp/dockerd.log)"
nohup dockerd >/tmp/dockerd.log 2>&1 &
i=0
until docker info >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 120 ]; then
    echo "dockerd did not answer within 60 s; its log:" >&2
    tail -n 30 /tmp/dockerd.log >&2
    exit 1
  fi
  sleep 0.5
done
