#!/usr/bin/env bash
# Order intake benchmark (issue: foundation, "Measure"). In one run, on this machine:
#   PostgreSQL: orders created per second over HTTP by 32 concurrent clients, beside pgbench running the same
#               inserts (bench/intake-pgbench.sql) with 32 clients on the same schema;
#   SQLite:     the same HTTP load, beside a plain JDBC loop doing the same inserts (bench/SqliteInsertLoop.java).
# Orderkeep runs its whole intake path, with a sandbox provider on port 18190: each order also opens its payment
# (a provider call and the attempt's rows) and writes its outbox rows, which the references do not.
# Prints a Markdown table and writes it to bench/results/intake-<date>.md. Usage: bench/intake.sh [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java25.sh"
cd "$root"
seconds="${1:-20}"
clients=32
key="ok_bench_admin_0123456789abcdef0123456789abcdef"
[ -f target/orderkeep.jar ] || ./mvnw -q -B -DskipTests package
mkdir -p bench/results
work="$(mktemp -d)"
trap 'kill "${server:-0}" "${sandbox:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

# The sandbox provider, so that every order opens its payment as in production (one provider call per order).
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar target/orderkeep.jar sandbox --port 18190 \
    --data-dir "$work/sandbox" >"$work/sandbox.log" 2>&1 &
sandbox=$!

start_orderkeep() { # $1 = data dir, then env assignments
    local dir="$1"; shift
    env "$@" SERVER_PORT=18181 ORDERKEEP_DATA_DIR="$dir" ORDERKEEP_PROVIDERS_SANDBOX_URL=http://127.0.0.1:18190 ORDERKEEP_ADMIN_KEY="$key" ORDERKEEP_RATELIMIT_ENABLED=false \
        "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -jar target/orderkeep.jar serve \
        >"$work/orderkeep.log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do
        curl -fs http://127.0.0.1:18181/actuator/health/readiness >/dev/null 2>&1 && break
        sleep 1
    done
    curl -fs -X POST http://127.0.0.1:18181/api/v1/merchants -H "Authorization: Bearer $key" \
        -H 'Content-Type: application/json' -d '{"id":"m_bench","name":"Bench Tea","timeZone":"Asia/Shanghai"}' >/dev/null
}

stop_orderkeep() {
    kill "$server"; wait "$server" 2>/dev/null || true
}

field() { sed -E "s/.*$1=([^ ]+).*/\1/" <<<"$2"; }

# --- PostgreSQL ---------------------------------------------------------------------------------------------
db="ok_bench_$(date +%s)"
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
start_orderkeep "$work/pg" ORDERKEEP_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" ORDERKEEP_DB_USER=postgres
http_pg=$("$JAVA_HOME/bin/java" bench/IntakeLoad.java http://127.0.0.1:18181 "$key" m_bench "$clients" "$seconds")
stop_orderkeep
pgb=$(pgbench -h 127.0.0.1 -U postgres -n -M simple -c "$clients" -j 2 -T "$seconds" -r \
        -f bench/intake-pgbench.sql "$db" 2>&1)
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $db WITH (FORCE)"
pgb_tps=$(grep -oE 'tps = [0-9.]+' <<<"$pgb" | head -1 | grep -oE '[0-9.]+')
pgb_lat=$(grep -oE 'latency average = [0-9.]+' <<<"$pgb" | grep -oE '[0-9.]+')

# --- SQLite -------------------------------------------------------------------------------------------------
start_orderkeep "$work/sqlite"
http_sqlite=$("$JAVA_HOME/bin/java" bench/IntakeLoad.java http://127.0.0.1:18181 "$key" m_bench "$clients" "$seconds")
stop_orderkeep
sqlite_jar=$(find "$HOME/.m2/repository/org/xerial/sqlite-jdbc" -name 'sqlite-jdbc-*.jar' | sort -V | tail -1)
loop=$("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$sqlite_jar" bench/SqliteInsertLoop.java \
        "$work/sqlite/orderkeep.db" "$seconds")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
report="bench/results/intake-$(date -u +%Y%m%dT%H%M%SZ).md"
{
    echo "| database | Orderkeep over HTTP (orders/s) | p50 ms | p99 ms | reference | reference (orders/s) | ratio |"
    echo "|---|---|---|---|---|---|---|"
    echo "| PostgreSQL | $(field rate "$http_pg") | $(field p50_ms "$http_pg") | $(field p99_ms "$http_pg") | pgbench, same inserts, $clients clients (avg latency ${pgb_lat} ms) | $pgb_tps | $(ratio "$(field rate "$http_pg")" "$pgb_tps") |"
    echo "| SQLite | $(field rate "$http_sqlite") | $(field p50_ms "$http_sqlite") | $(field p99_ms "$http_sqlite") | plain JDBC loop, same inserts, 1 writer | $(field rate "$loop") | $(ratio "$(field rate "$http_sqlite")" "$(field rate "$loop")") |"
    echo
    echo "HTTP runs: PostgreSQL \`$http_pg\`; SQLite \`$http_sqlite\`. $clients clients, ${seconds}s each, $(nproc) cores."
} | tee "$report"
