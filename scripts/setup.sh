#!/usr/bin/env bash
# Quick start, step 1: install what is missing, then start, migrate and seed the development database.
# Safe to run again: it only installs what is missing, and `pnpm db:up` changes nothing the second time.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
PG_MAJOR_DEFAULT=15
step() { printf '\n==> %s\n' "$*"; }
die() { printf '\n✖ %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@";
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@";
  else return 1; fi
}

# The newest PostgreSQL >= 15 server whose binaries are installed (Debian layout), if any.
installed_pg_major() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] || continue
    local v; v=$(basename "$(dirname "$dir")")
    [ "$v" -ge 15 ] 2>/dev/null && { [ -z "$best" ] || [ "$v" -gt "$best" ]; } && best=$v
  done
  echo "$best"
}

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || die "Node.js 20 or newer is required (found: $(node -v 2>/dev/null || echo none))."

step "PostgreSQL server and pgTAP"
if [ -n "${DATABASE_URL:-}" ]; then
  echo "DATABASE_URL is set: using that server, installing no PostgreSQL server here."
else
  major=$(installed_pg_major)
  need=()
  if [ -z "$major" ] && ! command -v initdb >/dev/null && ! command -v pg_ctl >/dev/null; then
    major=$PG_MAJOR_DEFAULT
    need+=("postgresql-$major" "postgresql-client-$major")
  fi
  if [ -n "$major" ] && [ ! -f "/usr/share/postgresql/$major/extension/pgtap.control" ]; then
    need+=("postgresql-$major-pgtap")
  fi
  # the development cluster makes its TLS certificates with openssl on first start
  command -v openssl >/dev/null || need+=("openssl")
  if [ ${#need[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || die "Please install PostgreSQL ${major:-15}+ server binaries and pgTAP with your package manager (Homebrew: brew install postgresql@15 pgtap), then run this again."
    echo "installing: ${need[*]}"
    # Debian's package would create and start a cluster of its own on port 5432; we run our own.
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
      as_root mkdir -p /etc/postgresql-common
      echo 'create_main_cluster = false' | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      || die "Installing needs root: sudo apt-get install -y ${need[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
      || die "apt-get install ${need[*]} failed"
  fi
  echo "PostgreSQL $(installed_pg_major || true) binaries and pgTAP are installed."
fi

step "PgBouncer"
# Debian's package (bookworm: 1.18), run by `pnpm db:pgbouncer` and the drills as the cluster's OS user.
if ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
  command -v apt-get >/dev/null || die "Please install PgBouncer with your package manager (Homebrew: brew install pgbouncer), then run this again."
  echo "installing: pgbouncer"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "Installing needs root: sudo apt-get install -y pgbouncer"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pgbouncer >/dev/null \
    || die "apt-get install pgbouncer failed"
  # The package enables a system-wide service on port 6432; ours are started by the project's commands.
  if [ -d /run/systemd/system ]; then as_root systemctl disable --now pgbouncer >/dev/null 2>&1 || true; fi
fi
echo "$( (pgbouncer --version 2>/dev/null || /usr/sbin/pgbouncer --version) | head -n 1) is installed."

step "pnpm $PNPM_VERSION"
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  npm install -g --silent "pnpm@$PNPM_VERSION" || as_root npm install -g --silent "pnpm@$PNPM_VERSION" \
    || die "Could not install pnpm: npm install -g pnpm@$PNPM_VERSION"
fi
pnpm --version

step "dependencies"
pnpm install --frozen-lockfile --reporter=append-only | tail -n 3

step "development database"
pnpm -s db:up
