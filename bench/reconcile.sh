#!/usr/bin/env bash
# Reconciliation benchmark (issue: reconciliation, "Measure"). In one run, on this machine, for ROWS rows (default
# 1,000,000): a sandbox settlement file of ROWS rows for 2026-11-21 and ROWS stored payment attempts with their
# orders (bench/ReconcileData.java: 90 % matched, the rest spread over every kind), then
#   PostgreSQL: the data loaded by COPY; `orderkeep reconcile FILE` (the product's CLI, -Xmx2g) on it;
#   SQLite:     the data loaded by batched inserts in one transaction; the same command on it;
#   DuckDB:     the same file and the payments as CSV, full outer join and classification (bench/DuckReconcile.java,
#               threads=2), in the same run.
# Wall time and peak resident memory of each (GNU time), the product's peak heap (from its GC log), the counts of
# each (they must agree). Prints a Markdown table and writes it to bench/results/reconcile-<date>-<rows>.md.
# Usage: bench/reconcile.sh [ROWS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java25.sh"
cd "$root"
rows="${1:-1000000}"
duck_version=1.4.2.0
duck_jar="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$duck_version/duckdb_jdbc-$duck_version.jar"
# DuckDB is the benchmark's reference only, never a dependency of the product: fetched into ~/.m2 here.
[ -f "$duck_jar" ] || ./mvnw -q -B dependency:get -Dartifact=org.duckdb:duckdb_jdbc:$duck_version
[ -f target/orderkeep.jar ] || ./mvnw -q -B -DskipTests package
work="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$work" bench/results
db="ok_rec_bench_$(date +%s)"
trap 'psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; [ -n "${BENCH_WORK:-}" ] || rm -rf "$work"' EXIT
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime >/dev/null
cp="$(cat "$work/cp.txt")"
java_opts=(--enable-native-access=ALL-UNNAMED -Xmx2g)
printf 'transaction_id,provider_ref,out_trade_no,type,status,amount,currency,fee,occurred_at\n' >"$work/empty.csv"

seconds() { awk -F: '/Elapsed \(wall clock\)/ {n=split($0,a,": "); t=a[n]; k=split(t,p,":"); s=0; for(i=1;i<=k;i++) s=s*60+p[i]; print s}' "$1"; }
rss_mb() { awk '/Maximum resident set size/ {printf "%.0f", $NF/1024}' "$1"; }
heap_mb() { grep -oE '[0-9]+M->[0-9]+M' "$1" | awk -F'M->' 'BEGIN{m=0} {if ($1+0>m) m=$1+0} END{print m}'; }
counts() { awk '$1 ~ /^(MATCHED|MISSING_LOCAL|MISSING_AT_PROVIDER|AMOUNT_MISMATCH|STATUS_MISMATCH|DUPLICATE_PAYMENT|INVALID_ROW)$/ {printf "%s=%s ", $1, $2}' "$1"; }

# $1 = name, then env assignments: migrate, load, reconcile.
run_orderkeep() {
    local name="$1"; shift
    mkdir -p "$work/$name"
    env "$@" ORDERKEEP_DATA_DIR="$work/$name" "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar target/orderkeep.jar \
        reconcile "$work/empty.csv" --provider sandbox --date 2000-01-01 >/dev/null 2>"$work/$name.migrate.log"
    local url user
    url="$(env "$@" sh -c 'echo "${ORDERKEEP_DB_URL:-}"')"
    user="$(env "$@" sh -c 'echo "${ORDERKEEP_DB_USER:-}"')"
    [ -n "$url" ] || url="jdbc:sqlite:$work/$name/orderkeep.db"
    "$JAVA_HOME/bin/java" -cp "$cp" bench/ReconcileData.java "$rows" "$work/data" "$url" $user >"$work/expected.txt" \
        2>"$work/$name.load.log"
    # The command's fixed cost (JVM, Spring context, connection pool) on the loaded database: an empty file.
    env "$@" ORDERKEEP_DATA_DIR="$work/$name" /usr/bin/time -v "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar \
        target/orderkeep.jar reconcile "$work/empty.csv" --provider sandbox --date 2000-01-02 >/dev/null \
        2>"$work/$name.startup.time"
    env "$@" ORDERKEEP_DATA_DIR="$work/$name" /usr/bin/time -v "$JAVA_HOME/bin/java" "${java_opts[@]}" \
        -Xlog:gc:file="$work/$name.gc.log" -jar target/orderkeep.jar reconcile "$work/data/settlement.csv" \
        --provider sandbox --date 2026-11-21 >"$work/$name.out" 2>"$work/$name.time"
}

psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
run_orderkeep postgresql ORDERKEEP_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" ORDERKEEP_DB_USER=postgres
run_orderkeep sqlite
/usr/bin/time -v "$JAVA_HOME/bin/java" -Xmx2g -cp "$duck_jar" bench/DuckReconcile.java "$work/data" \
    >"$work/duck.out" 2>"$work/duck.time"

duck_s="$(seconds "$work/duck.time")"
{
    echo "### $(date -u +%F) — $rows rows, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "Expected: $(sed 's/^expected //' "$work/expected.txt")"
    echo
    echo "| run | wall s | × DuckDB | of which start-up s | peak RSS MB | peak heap MB | counts |"
    echo "|---|---|---|---|---|---|---|"
    for name in postgresql sqlite; do
        s="$(seconds "$work/$name.time")"
        echo "| Orderkeep on $name | $s | $(awk -v a="$s" -v b="$duck_s" 'BEGIN{printf "%.1f", a/b}') | $(seconds "$work/$name.startup.time") | $(rss_mb "$work/$name.time") | $(heap_mb "$work/$name.gc.log") | $(counts "$work/$name.out")|"
    done
    echo "| DuckDB (threads=2) | $duck_s | 1.0 | – | $(rss_mb "$work/duck.time") | – | $(sed 's/^duckdb seconds=[0-9.]* //' "$work/duck.out") |"
    echo
    echo "Load: PostgreSQL $(grep -h loaded "$work/postgresql.load.log"), SQLite $(grep -h loaded "$work/sqlite.load.log")."
} | tee "bench/results/reconcile-$(date -u +%F)-$rows.md"
