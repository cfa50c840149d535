#!/bin/sh
# Builds packer-plugin-kilntest, the modern-SDK Packer plugin of the bridge
# tests (__tests__/support/modern-plugin), and prints the binary's path.
#
# It is compiled from packer-plugin-sdk's own sources (the vendored subset
# under modern-plugin/vendor, see its README.md) against Debian's Go libraries
# in GOPATH mode: no network for Go modules. The Debian packages are installed
# with apt-get when missing (run as root). The binary is cached under
# node_modules/.cache/kiln-modern-plugin/<hash of the sources>/, so a second
# call only prints the path; concurrent calls wait for one build (flock).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
src=$root/__tests__/support/modern-plugin
cache=${KILN_MODERN_PLUGIN_CACHE:-$root/node_modules/.cache/kiln-modern-plugin}

# Go 1.19+ and the libraries the SDK's plugin, rpc, packer and template/config
# packages import; `patch` applies the one SDK patch.
packages="golang-go patch
  golang-github-hashicorp-yamux-dev golang-github-ugorji-go-codec-dev
  golang-github-hashicorp-hcl-v2-dev golang-google-protobuf-dev
  golang-github-vmihailenco-msgpack.v5-dev golang-github-vmihailenco-tagparser.v2-dev
  golang-github-apparentlymart-go-textseg-dev golang-golang-x-text-dev
  golang-github-agext-levenshtein-dev golang-github-mitchellh-go-wordwrap-dev
  golang-github-hashicorp-go-multierror-dev golang-github-hashicorp-errwrap-dev
  golang-github-hashicorp-go-version-dev golang-github-mitchellh-mapstructure-dev
  golang-github-mitchellh-iochan-dev golang-github-mitchellh-reflectwalk-dev
  golang-github-ryanuber-go-glob-dev golang-github-google-uuid-dev"

missing=""
for p in $packages; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing$missing" >&2
  apt-get update -qq >&2
  # shellcheck disable=SC2086 # a list of package names
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

hash=$(cd "$src" && find . -type f ! -name '*.md' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
out=$cache/$hash
bin=$out/packer-plugin-kilntest

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
if [ ! -x "$bin" ]; then
  work=$(mktemp -d "$cache/build.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  # A GOPATH of its own: the vendored trees, the patched SDK, then the plugin.
  mkdir -p "$work/src/github.com/kiln-test/packer-plugin-kilntest"
  cp -R "$src/vendor/." "$work/src/"
  patch -s -p1 -d "$work/src/github.com/hashicorp/packer-plugin-sdk" <"$src/patches/sdk-template-funcs.patch"
  (cd "$src" && tar -cf - --exclude=./vendor --exclude=./patches .) |
    tar -xf - -C "$work/src/github.com/kiln-test/packer-plugin-kilntest"
  started=$(date +%s)
  (
    cd "$work/src/github.com/kiln-test/packer-plugin-kilntest"
    GO111MODULE=off GOPATH="$work:/usr/share/gocode" GOFLAGS='' GOCACHE="$cache/gocache" CGO_ENABLED=0 \
      go build -trimpath -o "$work/packer-plugin-kilntest" .
  )
  echo "Built packer-plugin-kilntest in $(($(date +%s) - started)) s" >&2
  mkdir -p "$out"
  mv "$work/packer-plugin-kilntest" "$bin"
  # Builds of earlier sources are of no more use.
  find "$cache" -mindepth 1 -maxdepth 1 -type d ! -name gocache ! -name "$hash" ! -name 'build.*' -exec rm -rf {} +
fi
echo "$bin"
