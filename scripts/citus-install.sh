#!/usr/bin/env bash
# Builds Citus 13.2.2 from the vendored source and installs it into the PostgreSQL that PG_CONFIG names
# (default: pg_config on PATH). Called by `pnpm db:citus up` and `pnpm db:test:citus` when the citus
# extension is missing; safe to run by hand. Needs root, or sudo without a password, for apt and make install.
#
#   B2B_CITUS_SOURCE  folder with citus-13.2.2.tar.gz and pg15.20-have-createdb-privilege.patch
#                     (default: ../shared/vendor/citus next to the checkout)
#   PG_CONFIG         pg_config of the target PostgreSQL
#   DESTDIR           install into this staging root instead of / (a trial that leaves the system alone)
#
# Exit status 3: no vendored source; the caller names Citus's own packages instead.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=13.2.2
SHA256=dd2453caec20a830e5e63f1def5c5a98cb6f57ae510407cdcd800916fcdab430
PATCH=pg15.20-have-createdb-privilege.patch
BUILD_DEPS=(libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev)

step() { printf '==> %s\n' "$*"; }
die() { printf '✖ %s\n' "$*" >&2; exit "${2:-1}"; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@";
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@";
  else die "needs root (or sudo without a password) for: $*"; fi
}

SOURCE=${B2B_CITUS_SOURCE:-$(cd .. && pwd)/shared/vendor/citus}
TARBALL="$SOURCE/citus-$VERSION.tar.gz"
[ -f "$TARBALL" ] || die "no vendored Citus source at $TARBALL" 3
PG_CONFIG=${PG_CONFIG:-$(command -v pg_config || true)}
major=""
if [ -n "$PG_CONFIG" ] && [ -x "$PG_CONFIG" ]; then
  major=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
fi
[ -n "$major" ] || major=15

step "checking $TARBALL"
echo "$SHA256  $TARBALL" | sha256sum -c --quiet - || die "checksum mismatch: $TARBALL is not Citus $VERSION as released"

step "build dependencies"
missing=()
for pkg in "postgresql-server-dev-$major" "${BUILD_DEPS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "install these with your package manager, then run again: ${missing[*]}"
  cat >&2 <<EOF
WARNING: installing ${missing[*]} upgrades postgresql-$major to the newest minor release in the archive.
         A PostgreSQL server that is running keeps the old binaries in memory: restart it afterwards
         (pnpm db:down && pnpm db:up, pnpm db:citus down && pnpm db:citus up), or it cannot load extensions.
EOF
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  PG_CONFIG=${PG_CONFIG:-$(command -v pg_config)}
fi
[ -n "$PG_CONFIG" ] || die "pg_config not found (postgresql-server-dev-$major provides it)"

work=$(mktemp -d "${TMPDIR:-/tmp}/citus-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
step "unpacking and patching in $work"
tar xzf "$TARBALL" -C "$work"
(cd "$work/citus-$VERSION" && patch -p1 -s < "$SOURCE/$PATCH")

jobs=$(nproc 2>/dev/null || echo 2)
step "configure and make -j$jobs (about 60 s on 2 idle cores; the log is $work/build.log until it ends)"
started=$(date +%s)
(cd "$work/citus-$VERSION" && ./configure PG_CONFIG="$PG_CONFIG" >"$work/build.log" 2>&1 \
  && make -j"$jobs" >>"$work/build.log" 2>&1) || { tail -n 40 "$work/build.log" >&2; die "building Citus failed"; }
echo "built in $(( $(date +%s) - started )) s"

step "make install${DESTDIR:+ into DESTDIR=$DESTDIR}"
if [ -n "${DESTDIR:-}" ] && [ -w "$(dirname "$DESTDIR")" ]; then
  (cd "$work/citus-$VERSION" && make install DESTDIR="$DESTDIR" >>"$work/build.log" 2>&1)
else
  (cd "$work/citus-$VERSION" && as_root make install ${DESTDIR:+DESTDIR="$DESTDIR"} >>"$work/build.log" 2>&1)
fi || { tail -n 40 "$work/build.log" >&2; die "make install failed"; }
echo "Citus $VERSION installed into $("$PG_CONFIG" --pkglibdir) (${DESTDIR:-/})"
