#!/usr/bin/env bash
# Builds the self-contained many-core benchmark folder (and, with --tar, a .tar.gz of it) for a bare x86-64
# Linux machine that has no PostgreSQL: run.sh, its SQL and pgbench scripts, the schema (sql/schema.snapshot.sql
# and sql/bootstrap), and this machine's PostgreSQL 15: initdb, postgres, pg_ctl, psql, pgbench, the server's
# modules and extension files (pgcrypto, pg_trgm, btree_gist, btree_gin, pg_stat_statements, plpgsql and the
# rest of contrib), its share folder, and every shared library they load except glibc's own (the target's
# glibc must be 2.34 or newer: the newest symbol version the binaries need).
#
#   bench/manycore/bundle.sh OUT_DIR [--tar]      (pnpm bench:manycore-bundle runs it into .tmp/)
#
# Layout: OUT_DIR/pg/usr/lib/postgresql/15/{bin,lib} and OUT_DIR/pg/usr/share/postgresql/15 keep Debian's
# relative layout, so the server finds its share and module folders relative to its own binary (PostgreSQL is
# relocatable that way); OUT_DIR/pg/libs holds the shared libraries (run.sh sets LD_LIBRARY_PATH to it).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="${1:?usage: bundle.sh OUT_DIR [--tar]}"
TAR=0
[ "${2:-}" = --tar ] && TAR=1

BINDIR=/usr/lib/postgresql/15/bin
if command -v pg_config >/dev/null 2>&1 && "$(pg_config --bindir)/postgres" --version 2>/dev/null | grep -q ' 15\.'; then
  BINDIR="$(pg_config --bindir)"
fi
PG_CONFIG="$BINDIR/pg_config"
[ -x "$PG_CONFIG" ] || PG_CONFIG=pg_config
PKGLIBDIR="$("$PG_CONFIG" --pkglibdir)"
SHAREDIR="$("$PG_CONFIG" --sharedir)"
"$BINDIR/postgres" --version | grep -q ' 15\.' || { echo "bundle.sh: $BINDIR/postgres is not PostgreSQL 15" >&2; exit 1; }
# The bundle keeps Debian's layout (bin and lib under /usr/lib/postgresql/15, share under /usr/share).
case "$BINDIR:$PKGLIBDIR:$SHAREDIR" in
  /usr/lib/postgresql/15/bin:/usr/lib/postgresql/15/lib:/usr/share/postgresql/15) ;;
  *) echo "bundle.sh: expected Debian's PostgreSQL 15 layout, found $BINDIR, $PKGLIBDIR, $SHAREDIR" >&2; exit 1 ;;
esac
for ext in pgcrypto pg_trgm btree_gist btree_gin pg_stat_statements; do
  [ -f "$SHAREDIR/extension/$ext.control" ] || { echo "bundle.sh: extension $ext is not installed" >&2; exit 1; }
done

rm -rf "$OUT"
PG="$OUT/pg"
mkdir -p "$PG/usr/lib/postgresql/15/bin" "$PG/usr/lib/postgresql/15/lib" "$PG/usr/share/postgresql" "$PG/libs"

# The script and its SQL; the schema it loads.
cp "$HERE/run.sh" "$OUT/"
cp -r "$HERE/sql" "$HERE/pgbench" "$OUT/"
mkdir -p "$OUT/schema"
cp "$REPO/sql/schema.snapshot.sql" "$OUT/schema/"
cp -r "$REPO/sql/bootstrap" "$OUT/schema/"

# Binaries, server modules (not the JIT provider and its bitcode, nor Citus: not used here), share folder.
for b in initdb postgres pg_ctl psql pgbench; do cp "$BINDIR/$b" "$PG/usr/lib/postgresql/15/bin/"; done
find "$PKGLIBDIR" -maxdepth 1 -name '*.so' ! -name 'llvmjit*' ! -name 'citus*' -exec cp {} "$PG/usr/lib/postgresql/15/lib/" \;
cp -r "$SHAREDIR" "$PG/usr/share/postgresql/15"

# Shared libraries: whatever the binaries and modules load, except the C library's own, which the target has
# (and which must match its dynamic loader).
GLIBC='^(linux-vdso|ld-linux|libc|libm|libdl|libpthread|librt|libresolv|libutil|libanl|libnsl|libmvec)[.-]'
# ldd takes many files at once; several at a time.
objects() { ls "$PG"/usr/lib/postgresql/15/bin/* "$PG"/usr/lib/postgresql/15/lib/*.so; }
objects | xargs -P 8 -n 16 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $1 " " $3 }' |
  sort -u | while read -r name path; do
  [[ "$name" =~ $GLIBC ]] && continue
  cp -L "$path" "$PG/libs/$name"
done
chmod -R a+rX "$OUT"

# Check: every library resolves inside the bundle or to glibc.
missing=$(objects | LD_LIBRARY_PATH="$PG/libs" xargs -P 8 -n 16 ldd 2>/dev/null | awk '$2 == "=>" { print $1 " " $3 }' |
  sort -u | while read -r name path; do
  [[ "$name" =~ $GLIBC ]] && continue
  case "$path" in "$PG/libs/"*) ;; *) echo "$name ($path)" ;; esac
done)
[ -z "$missing" ] || { echo "bundle.sh: libraries not in the bundle: $missing" >&2; exit 1; }

echo "bundle: $OUT ($(du -sh "$OUT" | cut -f1)): $("$BINDIR/postgres" --version), $(ls "$PG/libs" | wc -l) shared libraries"
if [ "$TAR" = 1 ]; then
  tar -C "$(dirname "$OUT")" -czf "$OUT.tar.gz" "$(basename "$OUT")"
  echo "tarball: $OUT.tar.gz ($(du -sh "$OUT.tar.gz" | cut -f1))"
fi
