#!/bin/sh
# Builds the Debian bookworm base image the docker tests, CI and the README demo use,
# offline from a Debian mirror (debootstrap), when the engine does not have it yet.
# Idempotent: an existing image is kept. Usage: scripts/docker-base-image.sh [IMAGE]
set -eu

image="${1:-kiln-test/debian:bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "Base image $image is present"
  exit 0
fi

command -v debootstrap >/dev/null 2>&1 || {
  echo "debootstrap is required to build $image (apt-get install debootstrap)" >&2
  exit 1
}

# Two concurrent callers (parallel test files) must not both debootstrap.
lock="${TMPDIR:-/tmp}/kiln-docker-base-image.lock"
exec 9>"$lock"
flock 9
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "Base image $image is present"
  exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/kiln-debootstrap-XXXXXX")"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
echo "Building base image $image with debootstrap from $mirror"
debootstrap --variant=minbase bookworm "$work/root" "$mirror" >"$work/log" 2>&1 || {
  tail -n 20 "$work/log" >&2
  exit 1
}
tar -C "$work/root" -c . | docker import -c 'CMD ["/bin/bash"]' - "$image"
echo "Built base image $image"
