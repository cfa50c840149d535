#!/bin/sh
# Builds examples/quickstart with Kiln on a fresh Debian machine with Node.js:
# installs and starts the Docker engine when missing, makes the Debian base
# image offline (debootstrap, cached in the engine), installs Kiln's
# dependencies when needed, runs `kiln build examples/quickstart`, and shows
# the image it made. Run from anywhere, as root (or with sudo for apt and dockerd).
# Usage: scripts/quickstart.sh [extra kiln build flags, e.g. -var version=1.1.0]
# KILN_CLI runs another kiln (e.g. "node --import tsx src/cli/index.ts" from source).
set -eu

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

say() { printf '\n==> %s\n' "$*"; }

# 1. The Docker engine: installed and started when missing.
$sudo_cmd "$root/scripts/ensure-docker.sh"

# 2. The base image, offline from a Debian mirror, once.
if ! docker image inspect kiln-test/debian:bookworm >/dev/null 2>&1 && ! command -v debootstrap >/dev/null 2>&1; then
  say "Installing debootstrap"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q debootstrap
fi
say "Preparing the base image kiln-test/debian:bookworm"
"$root/scripts/docker-base-image.sh" kiln-test/debian:bookworm

# 3. Kiln: dist/ is committed; dependencies only when the bundle must be rebuilt or they are missing.
if [ ! -d node_modules ]; then
  say "Installing Kiln's dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
if [ ! -f dist/cli/index.js ]; then
  say "Building Kiln (npm run build)"
  npm run build
fi

# 4. The build.
say "kiln build examples/quickstart"
# shellcheck disable=SC2086 # KILN_CLI is a command line
${KILN_CLI:-node dist/cli/index.js} build "$@" examples/quickstart

# 5. What it made: the manifest's last artifact (the last tag docker-tag applied) and the image behind it.
image="$(sed -n 's/.*"artifact_id": "\([^"]*\)".*/\1/p' examples/quickstart/manifest.json | tail -n 1)"
say "Image"
docker image inspect --format 'ID:   {{.Id}}
Tags:{{range .RepoTags}} {{.}}{{end}}' "$image"
echo
echo "Try it: docker run --rm kiln/quickstart:latest"
