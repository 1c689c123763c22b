#!/usr/bin/env bash
# Merchant delivery benchmark (issue: delivery, "Measure"). In one run, on this machine, for PostgreSQL and SQLite:
#   throughput: N deliveries made due at once (bench/DeliveryRows.java fill: the outbox's rows for N orders, one
#               commit), sent by Orderkeep's running dispatcher to a local receiver that answers 200 at once
#               (bench/DeliveryReceiver.java); beside the reference, a raw claim-and-delete loop over N rows of the same
#               table shape (bench/DeliveryRows.java claim: FOR UPDATE SKIP LOCKED on PostgreSQL, 4 workers, batches
#               of 50 like the dispatcher; on SQLite one writer);
#   commits:    PostgreSQL commits (pg_stat_database.xact_commit) per delivered event, Orderkeep and reference;
#   lag:        orders created over HTTP at a fixed rate (bench/DeliveryLoad.java, every other one cancelled), and the
#               receiver's lag from each event's time to its arrival (p50, p99), with a sandbox provider on port 18290.
# Prints a Markdown table and writes it to bench/results/delivery-<date>.md.
# Usage: bench/delivery.sh [N=5000] [RATE=20] [SECONDS=20]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java25.sh"
cd "$root"
n="${1:-5000}"
rate="${2:-20}"
seconds="${3:-20}"
key="ok_bench_admin_0123456789abcdef0123456789abcdef"
base=http://127.0.0.1:18281
hook=http://127.0.0.1:18291
[ -f target/orderkeep.jar ] || ./mvnw -q -B -DskipTests package
mkdir -p bench/results
work="$(mktemp -d)"
# KEEP=1 keeps the logs (Orderkeep's, the sandbox's, the receiver's) in the work directory for a look afterwards.
trap 'kill "${server:-0}" "${sandbox:-0}" "${receiver:-0}" 2>/dev/null || true; [ -n "${KEEP:-}" ] && echo "logs in $work" || rm -rf "$work"' EXIT
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
pg_jar=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort -V | tail -1)
sqlite_jar=$(find "$HOME/.m2/repository/org/xerial/sqlite-jdbc" -name 'sqlite-jdbc-*.jar' | sort -V | tail -1)

"${java[@]}" -jar target/orderkeep.jar sandbox --port 18290 --data-dir "$work/sandbox" >"$work/sandbox.log" 2>&1 &
sandbox=$!
"${java[@]}" bench/DeliveryReceiver.java 18291 >"$work/receiver.log" 2>&1 &
receiver=$!

api() { # METHOD PATH [JSON]
    curl -fsS -X "$1" "$base$2" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
stats() { curl -fsS "$hook/stats"; }
field() { sed -E "s/.*$1=([^ ]+).*/\1/" <<<"$2"; }
received() { field received "$(stats)"; }

# Waits until the receiver has at least $1 requests and then no new one for 3 s (or 120 s in all).
settle() {
    local want="$1" last=-1 still=0
    for _ in $(seq 1 240); do
        local now; now=$(received)
        if [ "$now" -ge "$want" ] && [ "$now" = "$last" ]; then
            still=$((still + 1)); [ "$still" -ge 6 ] && return 0
        else
            still=0
        fi
        last="$now"; sleep 0.5
    done
}

start_orderkeep() { # $1 = data dir, then env assignments
    local dir="$1"; shift
    env "$@" SERVER_PORT=18281 ORDERKEEP_DATA_DIR="$dir" ORDERKEEP_PROVIDERS_SANDBOX_URL=http://127.0.0.1:18290 \
        ORDERKEEP_ADMIN_KEY="$key" ORDERKEEP_RATELIMIT_ENABLED=false \
        "${java[@]}" -Xmx1g -jar target/orderkeep.jar serve >"$work/orderkeep-$(basename "$dir").log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do
        curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1 && break
        sleep 1
    done
    api POST /api/v1/merchants '{"id":"m_bench","name":"Bench Tea","timeZone":"Asia/Shanghai"}' >/dev/null
    api POST /api/v1/webhook-endpoints "{\"merchantId\":\"m_bench\",\"url\":\"$hook/hook\",\"events\":[\"*\"]}" >/dev/null
}

stop_orderkeep() {
    kill "$server"; wait "$server" 2>/dev/null || true
}

# One database: lag at a fixed rate, then throughput of N due deliveries, then the reference loop on the same file.
# $1 = JDBC URL, $2 = driver jar, then the env of start_orderkeep. Sets lag, ok_rate, ref_rate, ok_commits, ref_commits.
run() {
    local url="$1" jar="$2" dir="$3"; shift 3
    start_orderkeep "$dir" "$@"
    curl -fsS -X POST "$hook/reset" >/dev/null
    load=$("${java[@]}" bench/DeliveryLoad.java "$base" "$key" m_bench "$rate" "$seconds")
    settle $(( $(field orders "$load") + $(field cancelled "$load") ))
    lag=$(stats)

    seed=$(api GET "/api/v1/orders?merchantId=m_bench&limit=1" | grep -oE '"id":"ord_[^"]+"' | head -1 | cut -d'"' -f4)
    curl -fsS -X POST "$hook/reset" >/dev/null
    local before; before=$(commits)
    fill=$("${java[@]}" -cp "$jar" bench/DeliveryRows.java fill "$url" m_bench "$seed" "$n")
    settle "$n"
    sleep 1 # PostgreSQL publishes a backend's commit counts at most once a second
    local after; after=$(commits)
    local got; got=$(stats)
    ok_rate=$(awk -v n="$(field received "$got")" -v a="$(field committed_ms "$fill")" -v b="$(field last_ms "$got")" \
        'BEGIN { printf "%.1f", n * 1000 / (b - a) }')
    ok_commits=$(awk -v c=$((after - before)) -v n="$(field received "$got")" 'BEGIN { if (c > 0) printf "%.2f", c / n; else print "n/a" }')
    ok_got="$got"
    stop_orderkeep

    before=$(commits)
    ref=$("${java[@]}" -cp "$jar" bench/DeliveryRows.java claim "$url" "$n" "$ref_workers" 50)
    sleep 1
    after=$(commits)
    ref_rate=$(field rate "$ref")
    ref_commits=$(awk -v c=$((after - before)) -v n="$n" 'BEGIN { if (c > 0) printf "%.3f", c / n; else print "n/a" }')
}

# --- PostgreSQL ---------------------------------------------------------------------------------------------
db="ok_dlv_bench_$(date +%s)"
commits() { psql -qtA -h 127.0.0.1 -U postgres -d postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$db'"; }
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
ref_workers=4
run "jdbc:postgresql://127.0.0.1:5432/$db" "$pg_jar" "$work/pg" \
    ORDERKEEP_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" ORDERKEEP_DB_USER=postgres
pg=("$lag" "$ok_rate" "$ref_rate" "$ok_commits" "$ref_commits" "$ok_got")
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $db WITH (FORCE)"

[ -n "${PG_ONLY:-}" ] && { echo "PostgreSQL: lag \`${pg[0]}\`; $n deliveries at ${pg[1]}/s; reference ${pg[2]}/s; commits ${pg[3]} / ${pg[4]}"; exit 0; }

# --- SQLite -------------------------------------------------------------------------------------------------
commits() { echo 0; }
ref_workers=1
run "jdbc:sqlite:$work/sqlite/orderkeep.db?journal_mode=WAL&synchronous=FULL&busy_timeout=10000" "$sqlite_jar" "$work/sqlite"
sq=("$lag" "$ok_rate" "$ref_rate" "n/a" "n/a" "$ok_got")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
report="bench/results/delivery-$(date -u +%Y%m%dT%H%M%SZ).md"
{
    echo "| database | Orderkeep (deliveries/s) | reference claim-and-delete (rows/s) | ratio | commits per delivery (Orderkeep / reference) | lag p50 ms | lag p99 ms (created / other) |"
    echo "|---|---|---|---|---|---|---|"
    for row in PostgreSQL SQLite; do
        if [ "$row" = PostgreSQL ]; then r=("${pg[@]}"); w=4; else r=("${sq[@]}"); w=1; fi
        echo "| $row | ${r[1]} | ${r[2]} ($w worker$([ $w -gt 1 ] && echo s), batches of 50) | $(ratio "${r[1]}" "${r[2]}") | ${r[3]} / ${r[4]} | $(field lag_p50_ms "${r[0]}") | $(field lag_p99_ms "${r[0]}") ($(field created_p99_ms "${r[0]}") / $(field other_p99_ms "${r[0]}")) |"
    done
    echo
    echo "N=$n due deliveries per database; lag at $rate orders/s for ${seconds}s (every other order cancelled); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Receiver after the throughput run: PostgreSQL \`${pg[5]}\`; SQLite \`${sq[5]}\`."
    echo "Receiver after the lag run: PostgreSQL \`${pg[0]}\`; SQLite \`${sq[0]}\`."
} | tee "$report"
