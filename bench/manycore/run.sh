#!/usr/bin/env bash
# The many-core latency benchmark of issue 13, self-contained: PostgreSQL 15 binaries and pgbench only (no
# Node). It starts a throwaway cluster, builds the schema from the committed SQL, builds the benchmark
# databases with SQL alone (the orders fixture of `pnpm bench orders` and the large catalog profile of
# `pnpm db:seed --profile large`), runs the workloads with pgbench as b2b_app (row-level security and the
# tenant context in the path, as the application), prints p50/p95/p99/max against the targets beside
# pgbench's own select-only and TPC-B, checks the orders afterwards, and removes the cluster.
#
#   bench/manycore/run.sh [--scale 1] [--duration 30] [--warmup 5] ...   (--help lists the options)
#
# Targets (issue 13), on a machine with 16 cores or more, server and pgbench on the same machine:
# product page p99 < 2 ms at 8 clients, search p99 < 5 ms at 8 clients, placeOrder p99 < 10 ms at 16.
# Exit status: 0 when every check passed (targets missed are reported, not failed), 1 when a check failed
# or a step broke, 2 on a usage error.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STARTED=$(date +%s)

usage() {
  cat <<'EOF'
usage: run.sh [options]
  --scale S            fraction of the full profile (1: 100 tenants x 2,500 products, orders fixture 4 tenants x
                       10,000 variants). Smaller for trial runs, e.g. 0.01. Default 1.
  --duration SECONDS   measured seconds per workload (default 30)
  --warmup SECONDS     unmeasured seconds before each workload (default 5)
  --load-jobs N        concurrent sessions for the catalog load (default: nproc)
  --threads N          pgbench threads per run (default: half the cores, at most the clients)
  --pgbench-scale N    pgbench -i scale for select-only and TPC-B (default 20 x scale, at least 1)
  --bindir DIR         PostgreSQL 15 binaries (default: the bundle's, else pg_config --bindir, else
                       /usr/lib/postgresql/15/bin)
  --workdir DIR        where the throwaway cluster and logs go (default: a new folder under $TMPDIR or /tmp)
  --keep               leave the cluster (stopped) and the logs in the work folder
  --no-durability      fsync=off, synchronous_commit=off (not the production setting; printed as such)
  --transactions N     each pgbench client runs N transactions instead of --duration seconds (for tests:
                       a figure on any machine, however slow)
  --only-load          build the databases and run the checks of the load, no workloads
EOF
}

# ---------------------------------------------------------------- options
SCALE=1
DURATION=30
WARMUP=5
LOAD_JOBS=""
THREADS=""
PGBENCH_SCALE=""
BINDIR=""
WORKDIR=""
KEEP=0
DURABLE=1
ONLY_LOAD=0
TRANSACTIONS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --load-jobs) LOAD_JOBS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --pgbench-scale) PGBENCH_SCALE="$2"; shift 2 ;;
    --bindir) BINDIR="$2"; shift 2 ;;
    --workdir) WORKDIR="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-durability) DURABLE=0; shift ;;
    --only-load) ONLY_LOAD=1; shift ;;
    --transactions) TRANSACTIONS="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
is_number() { [[ "$1" =~ ^[0-9]+([.][0-9]+)?$ ]]; }
for v in "$SCALE" "$DURATION" "$WARMUP"; do
  is_number "$v" || { echo "run.sh: not a number: $v" >&2; exit 2; }
done

CORES=$(nproc)
LOAD_JOBS=${LOAD_JOBS:-$CORES}
# Sizes at this scale (integers, at least what the workloads need).
scaled() { awk -v s="$SCALE" -v n="$1" -v min="$2" 'BEGIN { v = int(n * s + 0.5); print (v < min ? min : v) }'; }
CATALOG_TENANTS=$(scaled 100 1)
CATALOG_PRODUCTS=$(scaled 2500 2)
ORDERS_TENANTS=4
ORDERS_COMPANIES=25
ORDERS_BUYERS=2
ORDERS_PRODUCTS=$(scaled 5000 3)
ORDERS_VARIANTS_PER_PRODUCT=2
ORDERS_ON_HAND=1000000
PGBENCH_SCALE=${PGBENCH_SCALE:-$(scaled 20 1)}

# ---------------------------------------------------------------- output
elapsed() { echo $(($(date +%s) - STARTED)); }
say() { printf '[%4ss] %s\n' "$(elapsed)" "$*"; }
die() { printf '[%4ss] FAILED: %s\n' "$(elapsed)" "$*" >&2; exit 1; }
# The server's CPU time so far, in clock ticks, from /proc: the postmaster's own and its exited children's
# (backends of finished sessions), plus its live children's. Beside each phase's wall time: on a shared or
# small machine the CPU seconds say more than the seconds.
TICKS=$(getconf CLK_TCK 2>/dev/null || echo 100)
server_ticks() {
  [ -f "${DATA:-}/postmaster.pid" ] || { echo 0; return; }
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v pm="$(head -1 "$DATA/postmaster.pid")" '
    { pid = $1; s = $0; sub(/^.*\) /, "", s); split(s, a, " ")
      if (pid == pm) t += a[12] + a[13] + a[14] + a[15]; else if (a[2] == pm) t += a[12] + a[13] }
    END { print t + 0 }'
}
PHASES=()
PHASE_NAME=""
PHASE_START=0
PHASE_TICKS=0
phase() {
  local now ticks
  now=$(date +%s)
  ticks=$(server_ticks)
  [ -n "$PHASE_NAME" ] && PHASES+=("$(printf '%-100s %5s s  %7.1f s' "$PHASE_NAME" $((now - PHASE_START)) \
    "$(awk -v d=$((ticks - PHASE_TICKS)) -v hz="$TICKS" 'BEGIN { print (d < 0 ? 0 : d / hz) }')")")
  PHASE_NAME="$1"
  PHASE_START=$now
  PHASE_TICKS=$ticks
  [ -n "$1" ] && say "== $1"
  return 0
}

# ---------------------------------------------------------------- where the SQL is
# In the repository: sql/ two levels up. In the bundle (pnpm bench:manycore-bundle): schema/ beside run.sh.
if [ -f "$HERE/schema/schema.snapshot.sql" ]; then SQLROOT="$HERE/schema"; else SQLROOT="$(cd "$HERE/../.." && pwd)/sql"; fi
SCHEMA_FILE="$SQLROOT/schema.snapshot.sql"
BOOTSTRAP="$SQLROOT/bootstrap"
[ -f "$SCHEMA_FILE" ] || die "no schema snapshot at $SCHEMA_FILE"
[ -d "$BOOTSTRAP/cluster" ] || die "no bootstrap SQL at $BOOTSTRAP"

# ---------------------------------------------------------------- binaries
LIBS=""
if [ -z "$BINDIR" ]; then
  if [ -x "$HERE/pg/usr/lib/postgresql/15/bin/postgres" ]; then
    BINDIR="$HERE/pg/usr/lib/postgresql/15/bin"
  elif command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/postgres" ] &&
    "$(pg_config --bindir)/postgres" --version | grep -q ' 15\.'; then
    BINDIR="$(pg_config --bindir)"
  else
    BINDIR=/usr/lib/postgresql/15/bin
  fi
fi
# The bundle's shared libraries (libpq, ICU, OpenSSL...) when the binaries are the bundle's.
if [ -d "$BINDIR/../../../../../libs" ]; then LIBS="$(cd "$BINDIR/../../../../../libs" && pwd)"; fi
for b in initdb postgres pg_ctl psql pgbench; do
  [ -x "$BINDIR/$b" ] || die "$BINDIR/$b not found (PostgreSQL 15 binaries: --bindir DIR)"
done
export LD_LIBRARY_PATH="${LIBS:+$LIBS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}}${LIBS:-${LD_LIBRARY_PATH:-}}"
"$BINDIR/postgres" --version | grep -q ' 15\.' || die "$BINDIR/postgres is not PostgreSQL 15: $("$BINDIR/postgres" --version)"

# ---------------------------------------------------------------- the server's OS user
# initdb and postgres refuse to run as root: as root, the server runs as `postgres` when that user exists,
# else as a system user `b2bbench` (created), else as `nobody`.
OS_USER=""
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then
    OS_USER=postgres
  elif id b2bbench >/dev/null 2>&1; then
    OS_USER=b2bbench
  elif command -v useradd >/dev/null 2>&1 && useradd --system --no-create-home --shell /bin/false b2bbench 2>/dev/null; then
    OS_USER=b2bbench
  else
    OS_USER=nobody
  fi
fi
as_server() {
  if [ -z "$OS_USER" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$OS_USER" -- env LD_LIBRARY_PATH="$LD_LIBRARY_PATH" "$@"
  elif command -v setpriv >/dev/null 2>&1; then
    setpriv --reuid="$OS_USER" --regid="$(id -g "$OS_USER")" --clear-groups -- env LD_LIBRARY_PATH="$LD_LIBRARY_PATH" "$@"
  else
    su -s /bin/sh "$OS_USER" -c "$(printf '%q ' env LD_LIBRARY_PATH="$LD_LIBRARY_PATH" "$@")"
  fi
}

# ---------------------------------------------------------------- work folder and cleanup
if [ -z "$WORKDIR" ]; then
  WORKDIR="$(mktemp -d "${TMPDIR:-/tmp}/b2b-manycore.XXXXXX")"
  OWN_WORKDIR=1
else
  mkdir -p "$WORKDIR"
  OWN_WORKDIR=0
fi
WORKDIR="$(cd "$WORKDIR" && pwd)"
chmod 755 "$WORKDIR"
SERVER_DIR="$WORKDIR/server" # owned by the server's user: data, socket, server log
DATA="$SERVER_DIR/data"
SOCK="$SERVER_DIR/sock"
LOGS="$WORKDIR/logs" # pgbench logs, psql output
mkdir -p "$SERVER_DIR" "$SOCK" "$LOGS"
if [ -n "$OS_USER" ]; then
  chown -R "$OS_USER" "$SERVER_DIR"
  as_server test -w "$SERVER_DIR" || die "the server's user $OS_USER cannot reach $WORKDIR: pass --workdir under a folder it can enter (e.g. /tmp)"
fi
# The server's user must reach the binaries (a bundle unpacked under /root is not reachable): copy them.
if [ -n "$OS_USER" ] && ! as_server test -x "$BINDIR/postgres"; then
  # The bundle's pg/ folder (binaries, modules, share folder, libraries), whole.
  PGROOT="$(cd "$BINDIR/../../../../.." && pwd)"
  [ -d "$PGROOT/usr/share/postgresql/15" ] || die "the server's user $OS_USER cannot reach $BINDIR (pass --bindir)"
  say "the server's user $OS_USER cannot reach $BINDIR: copying the binaries into $WORKDIR/pg"
  cp -a "$PGROOT" "$WORKDIR/pg"
  chmod -R a+rX "$WORKDIR/pg"
  BINDIR="$WORKDIR/pg/usr/lib/postgresql/15/bin"
  if [ -n "$LIBS" ]; then LIBS="$WORKDIR/pg/libs"; export LD_LIBRARY_PATH="$LIBS"; fi
fi

SERVER_STARTED=0
cleanup() {
  local status=$?
  if [ "$SERVER_STARTED" = 1 ]; then
    as_server "$BINDIR/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ "$KEEP" = 1 ]; then
    echo "kept: $WORKDIR (server log $SERVER_DIR/server.log)"
  elif [ "$OWN_WORKDIR" = 1 ]; then
    rm -rf "$WORKDIR"
  else
    rm -rf "$SERVER_DIR" "$LOGS" "$WORKDIR/pg"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Clients: psql and pgbench as root (or ourselves) over the cluster's own socket folder (no TCP port is
# opened, so nothing can collide with another server on this machine).
PORT=5432
psql_as() { # user database [psql args...]
  local user="$1" db="$2"
  shift 2
  "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PORT" -U "$user" -d "$db" "$@"
}
sql() { psql_as postgres "$@"; }
value() { psql_as postgres "$1" -At -c "$2"; }

# ---------------------------------------------------------------- the machine
MEM_KB=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
MEM_MB=$((MEM_KB / 1024))
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
say "machine: $CORES cores (nproc), ${CPU_MODEL:-unknown CPU}, $((MEM_MB / 1024)) GiB memory, kernel $(uname -r)"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "PostgreSQL: $("$BINDIR/postgres" --version) from $BINDIR${LIBS:+ (libraries $LIBS)}"
say "server user: ${OS_USER:-$(id -un)}; work folder: $WORKDIR ($(df -Ph "$WORKDIR" | awk 'NR == 2 { print $4 }') free; the full profile takes several GB with its WAL)"
say "sizes: catalog $CATALOG_TENANTS tenants x $CATALOG_PRODUCTS products x 4 variants; orders fixture $ORDERS_TENANTS tenants x $((ORDERS_PRODUCTS * ORDERS_VARIANTS_PER_PRODUCT)) variants; pgbench scale $PGBENCH_SCALE"

# ---------------------------------------------------------------- settings for a many-core machine
# Memory: shared_buffers a quarter of RAM (at most 32 GB): the full profile with its audit trail and stock
# journal is a few GB, so every workload reads from shared buffers, as a production server sized for its
# data does. Connections: the workloads open at most 16 + a few. Parallel query stays at the default
# (requests this small never use it); parallel index builds use up to 8 workers. JIT off: compiling costs
# milliseconds, more than a whole request here. Checkpoints spread over 30 minutes with room for the load's
# WAL, so none lands inside a measured run by size. pg_stat_statements loaded (the schema creates it).
SB_MB=$((MEM_MB / 4))
[ "$SB_MB" -gt 32768 ] && SB_MB=32768
[ "$SB_MB" -lt 128 ] && SB_MB=128
ECS_MB=$((MEM_MB * 3 / 4))
MWM_MB=$((MEM_MB / 16))
[ "$MWM_MB" -gt 2048 ] && MWM_MB=2048
[ "$MWM_MB" -lt 64 ] && MWM_MB=64
PARALLEL_MAINT=$((CORES / 2))
[ "$PARALLEL_MAINT" -gt 8 ] && PARALLEL_MAINT=8
[ "$PARALLEL_MAINT" -lt 1 ] && PARALLEL_MAINT=1
# Dynamic shared memory (parallel workers) in /dev/shm only where it is at least 1 GB (containers give 64 MB)
# and can be allocated (posix_fallocate: some sandboxes, gVisor among them, have refused it); else in files.
SHM_KB=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $2 }')
DSM=mmap
SHM_PROBE="/dev/shm/b2b-manycore-probe.$$"
if [ -n "$SHM_KB" ] && [ "$SHM_KB" -ge 1048576 ] && command -v fallocate >/dev/null 2>&1 &&
  fallocate -l 8M "$SHM_PROBE" 2>/dev/null; then
  DSM=posix
fi
rm -f "$SHM_PROBE"
SETTINGS=(
  "listen_addresses=''"
  "port=$PORT"
  "unix_socket_directories='$SOCK'"
  "max_connections=200"
  "shared_buffers=${SB_MB}MB"
  "effective_cache_size=${ECS_MB}MB"
  "work_mem=16MB"
  "maintenance_work_mem=${MWM_MB}MB"
  "max_worker_processes=$((CORES + 8))"
  "max_parallel_workers=$CORES"
  "max_parallel_maintenance_workers=$PARALLEL_MAINT"
  "dynamic_shared_memory_type=$DSM"
  "jit=off"
  "max_wal_size=16GB"
  "min_wal_size=1GB"
  "checkpoint_timeout=30min"
  "checkpoint_completion_target=0.9"
  "wal_buffers=64MB"
  "wal_compression=lz4"
  "random_page_cost=1.1"
  "effective_io_concurrency=200"
  "shared_preload_libraries=pg_stat_statements"
  "log_min_messages=warning"
  "log_checkpoints=on"
  "log_lock_waits=on"
)
if [ "$DURABLE" = 1 ]; then
  SETTINGS+=("fsync=on" "synchronous_commit=on")
else
  SETTINGS+=("fsync=off" "synchronous_commit=off" "full_page_writes=off")
fi
say "server settings:"
for s in "${SETTINGS[@]}"; do echo "         $s"; done
[ "$DURABLE" = 1 ] || say "NOTE: --no-durability: commits do not wait for the disk (not the production setting)"

# ---------------------------------------------------------------- cluster
phase "cluster: initdb and start"
LOCALE=C.UTF-8
if ! as_server "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=$LOCALE --no-sync >"$LOGS/initdb.log" 2>&1; then
  rm -rf "$DATA"
  LOCALE=C
  as_server "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=$LOCALE --no-sync >"$LOGS/initdb.log" 2>&1 ||
    { cat "$LOGS/initdb.log" >&2; die "initdb failed"; }
fi
for s in "${SETTINGS[@]}"; do echo "$s" >>"$DATA/postgresql.conf"; done
as_server "$BINDIR/pg_ctl" -D "$DATA" -l "$SERVER_DIR/server.log" -w -t 120 start >/dev/null ||
  { tail -20 "$SERVER_DIR/server.log" >&2; die "the server did not start"; }
SERVER_STARTED=1
say "server up (locale $LOCALE): $(value postgres 'select version()')"
# Where the server reads its share folder (extension files, time zone sets, text search dictionaries): the
# bundle's own when the binaries are the bundle's, found relative to the binary.
say "share folder: $(as_server "$BINDIR/initdb" --show -D "$SERVER_DIR/show" 2>&1 | sed -n 's/^share_path=//p')"

# ---------------------------------------------------------------- schema
phase "schema: roles, snapshot, reference rows"
# Cluster roles (b2b_owner, b2b_app, ...), as `pnpm db:migrate` creates them before migrating.
for f in "$BOOTSTRAP"/cluster/*.sql; do sql postgres -f "$f" >/dev/null; done
sql postgres -c 'create database b2b_template' >/dev/null
for f in "$BOOTSTRAP"/database/*.sql; do sql b2b_template -f "$f" >/dev/null; done
# pg_dump's session settings are left out of the committed snapshot: set them as pg_restore would.
sql b2b_template -1 -c 'set check_function_bodies = off' -c "select pg_catalog.set_config('search_path', '', false)" \
  -c 'set client_min_messages = warning' -f "$SCHEMA_FILE" >"$LOGS/schema.log"
sql b2b_template -1 -f "$HERE/sql/reference-data.sql" >/dev/null
# Superuser steps on migrated objects (the leakproof search operators), as after every migrate.
for f in "$BOOTSTRAP"/after_migrate/*.sql; do sql b2b_template -f "$f" >/dev/null; done
for db in orders catalog; do
  sql postgres -c "create database $db template b2b_template" >/dev/null
  for f in "$BOOTSTRAP"/database/*.sql; do sql "$db" -f "$f" >/dev/null; done
done
say "schema: $(value b2b_template "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r','p') and n.nspname not in ('pg_catalog','information_schema')") tables, $(value b2b_template "select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('app','tenancy','catalog','accounts','orders','audit','support','ops')") functions"

# ---------------------------------------------------------------- the loads
# The orders fixture is one transaction (as `pnpm bench orders` loads it), so it runs in one session beside
# the catalog's tenants, which load in --load-jobs sessions at once, one transaction per tenant. Every
# constraint, trigger (audit capture, stock journal, canonical forms, category paths) and index is in force
# throughout but the product page read model's, built set-based after the load (derived.sql): the time is
# that of rows written the way the application writes them.
phase "derived data switched off for the load (derived-before-load.sql)"
for db in orders catalog; do sql "$db" -At -f "$HERE/sql/derived-before-load.sql" | sed "s/^/  $db: /"; done
phase "catalog: tenants, warehouses, lists, categories"
sql catalog -v tenants="$CATALOG_TENANTS" -f "$HERE/sql/catalog-tenants.sql" >/dev/null
phase "load: orders fixture (1 session) beside the catalog's products, variants, prices, stock ($LOAD_JOBS sessions)"
sql orders -v tenants=$ORDERS_TENANTS -v companies=$ORDERS_COMPANIES -v buyers=$ORDERS_BUYERS \
  -v products=$ORDERS_PRODUCTS -v variants_per_product=$ORDERS_VARIANTS_PER_PRODUCT -v on_hand=$ORDERS_ON_HAND \
  -f "$HERE/sql/orders-fixture.sql" >"$LOGS/orders-fixture.log" 2>&1 &
ORDERS_PID=$!
# One psql per tenant, --load-jobs at a time (xargs -P); each prints its tenant's number when it committed.
load_tenant='"$0" -X -q -v ON_ERROR_STOP=1 -h "$1" -p "$2" -U postgres -d catalog -v t="$4" -v products="$3" -f "$5" >"$6/catalog-tenant-$4.log" 2>&1 && echo "$4"'
loaded=0
next_report=10
if ! seq 0 $((CATALOG_TENANTS - 1)) |
  xargs -P "$LOAD_JOBS" -I '{}' sh -c "$load_tenant" "$BINDIR/psql" "$SOCK" "$PORT" "$CATALOG_PRODUCTS" '{}' \
    "$HERE/sql/catalog-tenant.sql" "$LOGS" |
  while read -r _; do
    loaded=$((loaded + 1))
    if [ $((loaded * 100 / CATALOG_TENANTS)) -ge "$next_report" ]; then
      say "  $loaded of $CATALOG_TENANTS tenants loaded"
      next_report=$((next_report + 10))
    fi
  done; then
  grep -h ERROR "$LOGS"/catalog-tenant-*.log | head -5 >&2
  die "loading the catalog failed"
fi
say "catalog: $(value catalog 'select count(*) from catalog.variants') variants, $(value catalog 'select count(*) from catalog.prices') prices, $(value catalog 'select count(*) from catalog.stock_levels') stock levels, $(value catalog 'select count(*) from audit.events') audit events"
wait "$ORDERS_PID" || { cat "$LOGS/orders-fixture.log" >&2; die "loading the orders fixture failed"; }
say "orders: $(value orders 'select count(*) from catalog.variants') variants, $(value orders 'select count(*) from accounts.buyers') buyers, $(value orders 'select count(*) from catalog.stock_levels') stock levels"

FAILED_CHECKS=0
print_checks() { # file of ok|what|detail rows
  while IFS='|' read -r ok what detail; do
    if [ "$ok" = t ]; then echo "  ok    $what: $detail"; else echo "  FAIL  $what: $detail"; FAILED_CHECKS=$((FAILED_CHECKS + 1)); fi
  done <"$1"
}
phase "catalog: checks of the load"
sql catalog -At -F '|' -v tenants="$CATALOG_TENANTS" -v products="$CATALOG_PRODUCTS" -f "$HERE/sql/checks-catalog.sql" >"$LOGS/checks-catalog.txt"
print_checks "$LOGS/checks-catalog.txt"

# ---------------------------------------------------------------- derived data, statistics
phase "derived data built after the load (derived.sql)"
for db in orders catalog; do sql "$db" -At -f "$HERE/sql/derived.sql" | sed "s/^/  $db: /"; done
phase "vacuum and analyze"
# Visibility maps (index-only scans) and statistics (plans) for every table of both databases: the tables,
# largest first, dealt round-robin to --load-jobs sessions, each vacuuming its share in one command.
for db in orders catalog; do
  value "$db" "select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname in ('tenancy','catalog','accounts','orders','audit') order by pg_total_relation_size(c.oid) desc" |
    awk -v db="$db" -v jobs="$LOAD_JOBS" '{ b = (NR - 1) % jobs; list[b] = list[b] (list[b] == "" ? "" : ", ") $0 }
      END { for (b in list) print db "\t" list[b] }'
done >"$LOGS/vacuum.txt"
pids=()
while IFS=$'\t' read -r db tables; do
  sql "$db" -c "vacuum (analyze) $tables" >/dev/null &
  pids+=($!)
done <"$LOGS/vacuum.txt"
for pid in "${pids[@]}"; do wait "$pid" || die "vacuum failed"; done

phase "samples for pgbench (schema bench)"
sql orders -f "$HERE/sql/samples-orders.sql" >/dev/null
# how many buyers, and a fifth of the variants of a tenant (each order takes one per fifth)
ORDERS_SAMPLE=$(value orders "select 'buyers=' || (select count(*) from bench.buyers) || ' fifth=' || (select min(c) / 5 from (select count(*) as c from bench.variants group by tenant_id) x)")
CATALOG_SAMPLE=$(sql catalog -At -f "$HERE/sql/samples-catalog.sql")
eval "$(echo "$ORDERS_SAMPLE" | grep -E '^buyers=[0-9]+ fifth=[0-9]+$' | tr ' ' '\n' | sed 's/^/S_/')"
eval "$(echo "$CATALOG_SAMPLE" | grep -E '^tenants=[0-9]+ products=[0-9]+ terms=[0-9]+$' | tr ' ' '\n' | sed 's/^/S_/')"
say "orders: ${S_buyers} buyers, ${S_fifth} variants per fifth; catalog: ${S_tenants} tenants, ${S_products} products and ${S_terms} terms each"
sql catalog -At -c "select format('  e.g. search %s (%s) in tenant %s', term, locale, tenant_id) from bench.terms order by tenant_id, n limit 3"

phase "pgbench -i -s $PGBENCH_SCALE"
sql postgres -c 'create database pgbench' >/dev/null
"$BINDIR/pgbench" -i -q -s "$PGBENCH_SCALE" -h "$SOCK" -p "$PORT" -U postgres pgbench >"$LOGS/pgbench-init.log" 2>&1 ||
  { cat "$LOGS/pgbench-init.log" >&2; die "pgbench -i failed"; }

if [ "$ONLY_LOAD" = 1 ]; then
  phase ""
  echo
  echo "phases (wall time, server CPU time):"
  printf '  %s\n' "${PHASES[@]}"
  printf '  %-100s %5s s\n' total "$(elapsed)"
  [ "$FAILED_CHECKS" = 0 ] || die "$FAILED_CHECKS checks failed"
  say "done (--only-load)"
  exit 0
fi

# ---------------------------------------------------------------- workloads
RESULTS=()
EMPTY_WORKLOADS=()
RUN_LENGTH="${DURATION} s"
[ -n "$TRANSACTIONS" ] && RUN_LENGTH="$TRANSACTIONS transactions per client"
threads_for() {
  local clients=$1 t
  t=${THREADS:-$((CORES / 2))}
  [ "$t" -lt 1 ] && t=1
  [ "$t" -gt "$clients" ] && t=$clients
  echo "$t"
}
processed() { sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$1"; }
# Percentiles (nearest rank) of the per-transaction latencies pgbench logged (--log: the third field is the
# transaction's time in microseconds; failed and skipped transactions are not numbers and are left out).
percentiles() { # log prefix
  cat "$1".* | awk '$3 ~ /^[0-9]+$/ { print $3 }' | sort -n | awk '
    { v[NR] = $1 }
    function at(p,   i) { i = int(p * NR); if (i < p * NR) i++; if (i < 1) i = 1; return v[i] / 1000 }
    END { if (NR == 0) { print "0 - - - -" } else { printf "%d %.3f %.3f %.3f %.3f\n", NR, at(0.50), at(0.95), at(0.99), v[NR] / 1000 } }'
}
# workload: name, database, user, clients, target p99 in ms (or -), pgbench script arguments...
workload() {
  local name="$1" db="$2" user="$3" clients="$4" target="$5"
  shift 5
  local threads slug out
  threads=$(threads_for "$clients")
  slug=$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-')
  phase "$name: $clients clients, $threads threads, ${WARMUP} s warmup + $RUN_LENGTH"
  out="$LOGS/$slug"
  if [ "$WARMUP" != 0 ]; then
    "$BINDIR/pgbench" -n -c "$clients" -j "$threads" -T "$WARMUP" -h "$SOCK" -p "$PORT" -U "$user" "$@" "$db" >"$out.warmup.txt" 2>&1 ||
      { tail -20 "$out.warmup.txt" >&2; die "$name: pgbench failed in the warmup"; }
  else
    echo "number of transactions actually processed: 0" >"$out.warmup.txt"
  fi
  local length=(-T "$DURATION")
  [ -n "$TRANSACTIONS" ] && length=(-t "$TRANSACTIONS")
  "$BINDIR/pgbench" -n -c "$clients" -j "$threads" "${length[@]}" --log --log-prefix="$out.log" \
    -h "$SOCK" -p "$PORT" -U "$user" "$@" "$db" >"$out.txt" 2>&1 ||
    { tail -20 "$out.txt" >&2; die "$name: pgbench failed"; }
  grep -q 'aborted' "$out.txt" && { tail -20 "$out.txt" >&2; die "$name: a pgbench client aborted"; }
  local tps count p50 p95 p99 max met
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out.txt" | head -1)
  read -r count p50 p95 p99 max <<<"$(percentiles "$out.log")"
  met="-"
  if [ "$count" = 0 ]; then
    # No transaction in the measured run: no figure to judge, and a check fails below.
    EMPTY_WORKLOADS+=("$name")
    met="NO (none)"
    [ "$target" != "-" ] && target="p99 < $target ms" || target=""
  elif [ "$target" != "-" ]; then
    met=$(awk -v p="$p99" -v t="$target" 'BEGIN { print (p < t ? "yes" : "NO") }')
    target="p99 < $target ms"
  else
    target=""
  fi
  say "$name: $count transactions, $tps tps, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, max $max ms"
  RESULTS+=("$(printf '%-34s %7s %9s %9s %8s %8s %8s %9s  %-14s %s' "$name" "$clients" "$count" "${tps%.*}" "$p50" "$p95" "$p99" "$max" "$target" "$met")")
  rm -f "$out.log".*
  LAST_COMPLETED=$(($(processed "$out.warmup.txt") + $(processed "$out.txt")))
}

workload "product page" catalog b2b_app 8 2 -M prepared -f "$HERE/pgbench/product-page.sql" \
  -D tenants="$S_tenants" -D products="$S_products"
workload "search" catalog b2b_app 8 5 -M prepared -f "$HERE/pgbench/search.sql" \
  -D tenants="$S_tenants" -D terms="$S_terms"
PREFIX="manycore-$(date +%s)-"
workload "placeOrder (5 lines)" orders b2b_app 16 10 -M prepared -f "$HERE/pgbench/place-order.sql" \
  -D buyers="$S_buyers" -D fifth="$S_fifth" -D prefix="$PREFIX"
ORDERS_COMPLETED=$LAST_COMPLETED
workload "pgbench select-only (-S)" pgbench postgres 8 - -M prepared -S
workload "pgbench TPC-B (tpcb-like)" pgbench postgres 16 - -M prepared

phase "orders: checks after the run"
sql orders -At -F '|' -v prefix="$PREFIX" -v completed="$ORDERS_COMPLETED" -v lines=5 \
  -f "$HERE/sql/checks-orders.sql" >"$LOGS/checks-orders.txt"
print_checks "$LOGS/checks-orders.txt"
if [ "${#EMPTY_WORKLOADS[@]}" = 0 ]; then
  echo "  ok    every workload completed transactions in its measured run"
else
  echo "  FAIL  every workload completed transactions in its measured run: none in ${EMPTY_WORKLOADS[*]}"
  FAILED_CHECKS=$((FAILED_CHECKS + 1))
fi
phase ""

# ---------------------------------------------------------------- report
echo
echo "== many-core latencies (bench/manycore/run.sh, scale $SCALE, $RUN_LENGTH per workload after ${WARMUP} s warmup)"
echo "machine: $CORES cores, ${CPU_MODEL:-unknown CPU}, $((MEM_MB / 1024)) GiB; $("$BINDIR/postgres" --version); durability $([ "$DURABLE" = 1 ] && echo on || echo OFF)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-34s %7s %9s %9s %8s %8s %8s %9s  %-14s %s\n' workload clients "tx" "tx/s" "p50 ms" "p95 ms" "p99 ms" "max ms" target met
printf '%s\n' "${RESULTS[@]}"
echo
echo "latency: each pgbench transaction as logged (--log), the script whole: the request's ids read from schema"
echo "bench by primary key (\\gset), then begin, app.set_tenant, the call, commit, as b2b_app with prepared statements."
[ "$CORES" -lt 16 ] && echo "NOTE: $CORES cores: the targets are stated for 16 cores or more; these are not the many-core figures."
echo
echo "phases (wall time, server CPU time):"
printf '  %s\n' "${PHASES[@]}"
printf '  %-100s %5s s\n' total "$(elapsed)"
if [ "$FAILED_CHECKS" != 0 ]; then
  die "$FAILED_CHECKS checks failed"
fi
echo "all checks passed"
