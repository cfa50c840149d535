#!/bin/sh
# Everything the test suite needs on a fresh Debian machine (run as root; the
# SSH, Docker and EC2-emulator tests start their own servers on loopback):
# Packer 1.6.6 (the oracle), OpenSSH's sshd, debootstrap and a Docker engine
# with the two base images (made offline, cached in the engine), Debian's
# docker-registry, the command-line tools the tests call, the npm dependencies
# and the plugin the bridge tests run (built with Debian's Go).
set -eu
cd "$(dirname "$0")/.."

missing=""
command -v packer >/dev/null 2>&1 || missing="$missing packer"
[ -x /usr/sbin/sshd ] || missing="$missing openssh-server"
command -v debootstrap >/dev/null 2>&1 || missing="$missing debootstrap"
[ -x /usr/bin/docker-registry ] || missing="$missing docker-registry"
# Tools the tests call: pgrep/pkill (procps), unzip, openssl.
command -v pgrep >/dev/null 2>&1 || missing="$missing procps"
command -v unzip >/dev/null 2>&1 || missing="$missing unzip"
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
if [ -n "$missing" ]; then
  echo "Installing$missing"
  apt-get update -qq
  # policy-rc.d keeps the packaged registry service from starting and taking port 5000.
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  # shellcheck disable=SC2086 # a list of package names
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi
packer version

scripts/ensure-docker.sh
scripts/docker-base-image.sh
scripts/sshd-base-image.sh

npm ci --no-audit --no-fund

# The modern-SDK test plugin of the plugin-bridge tests: built from the
# vendored SDK sources with Debian's Go (installs its packages when missing).
scripts/modern-plugin.sh >/dev/null
