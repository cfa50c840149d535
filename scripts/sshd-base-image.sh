#!/bin/sh
# Builds the image the EC2 emulator's instances run: Debian bookworm (minbase) with
# openssh-server, made offline from a Debian mirror (debootstrap) and `docker import`.
# Host keys are generated at container start, so every instance has its own; the
# entrypoint also authorises $KILN_AUTHORIZED_KEY for $KILN_SSH_USER (the emulator's
# stand-in for cloud-init) and runs sshd in the foreground.
# Idempotent: an existing image is kept. Usage: scripts/sshd-base-image.sh [IMAGE]
set -eu

image="${1:-kiln-test/sshd:bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "Image $image is present"
  exit 0
fi

command -v debootstrap >/dev/null 2>&1 || {
  echo "debootstrap is required to build $image (apt-get install debootstrap)" >&2
  exit 1
}

# Two concurrent callers (parallel test files) must not both debootstrap.
lock="${TMPDIR:-/tmp}/kiln-sshd-base-image.lock"
exec 9>"$lock"
flock 9
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "Image $image is present"
  exit 0
fi

root="$(mktemp -d "${TMPDIR:-/tmp}/kiln-debootstrap-sshd-XXXXXX")"
trap 'rm -rf "$root" "$root.log"' EXIT INT TERM
echo "Building image $image with debootstrap from $mirror"
debootstrap --variant=minbase --include=openssh-server bookworm "$root" "$mirror" >"$root.log" 2>&1 || {
  tail -n 20 "$root.log" >&2
  exit 1
}

# Keys made by the package's postinst would be shared by every instance.
rm -f "$root"/etc/ssh/ssh_host_*
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*

cat >"$root/etc/ssh/sshd_config.d/kiln.conf" <<'CONF'
# A container has no PAM session machinery (loginuid); keys are the only way in.
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
CONF

cat >"$root/usr/local/sbin/kiln-sshd-entrypoint" <<'ENTRY'
#!/bin/sh
set -eu
ssh-keygen -A >/dev/null
mkdir -p /run/sshd
chmod 0755 /run/sshd
if [ -n "${KILN_AUTHORIZED_KEY:-}" ]; then
  user="${KILN_SSH_USER:-root}"
  if ! id "$user" >/dev/null 2>&1; then
    useradd --create-home --shell /bin/bash "$user"
  fi
  home="$(getent passwd "$user" | cut -d: -f6)"
  mkdir -p "$home/.ssh"
  printf '%s\n' "$KILN_AUTHORIZED_KEY" >>"$home/.ssh/authorized_keys"
  chmod 0700 "$home/.ssh"
  chmod 0600 "$home/.ssh/authorized_keys"
  chown -R "$user:" "$home/.ssh"
fi
exec /usr/sbin/sshd -D -e
ENTRY
chmod 0755 "$root/usr/local/sbin/kiln-sshd-entrypoint"

tar -C "$root" -c . | docker import \
  -c 'ENTRYPOINT ["/usr/local/sbin/kiln-sshd-entrypoint"]' \
  -c 'EXPOSE 22' \
  - "$image"
echo "Built image $image"
