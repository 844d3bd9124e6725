#!/usr/bin/env bash
# Benchmark of the ledger CSV of every journal line and of the fund statement on MariaDB with the
# volume data set. Prints figures; it is not a test and asserts nothing but the row count and USD
# sum of the CSV and that the journal verifies. See bench/README.md. Environment (all optional):
#   BENCH_DB (tafund_bench), BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_USER (root),
#   BENCH_DB_PASSWORD (empty), BENCH_PORT (18080), BENCH_HEAP (128m), BENCH_WORK (/tmp/tafund-bench),
#   BENCH_BUILD=1 to rebuild the jars, BENCH_STATEMENT_RUNS (9), BENCH_VERIFY=0 to skip the journal's
#   verification, BENCH_RAW_PLAN=0 to skip the second raw dump (the optimizer's own plan),
#   BENCH_SCALE (1.0, only used to fill an empty database).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-tafund_bench}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
PORT=${BENCH_PORT:-18080}
HEAP=${BENCH_HEAP:-128m}
WORK=${BENCH_WORK:-/tmp/tafund-bench}
RUNS=${BENCH_STATEMENT_RUNS:-9}
SCALE=${BENCH_SCALE:-1.0}
JAR=target/tafund-0.1.0-SNAPSHOT.jar
# The volume data generator, packaged apart from the product; it runs on the product jar's class path.
VOLUME_JAR=target/volume/tafund-0.1.0-SNAPSHOT-volume.jar
JDBC_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB"
ADMIN=bench.admin
ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench admin password 2026}
BASE="http://127.0.0.1:$PORT"
FROM=1990-01-01
TO=$(date +%F)
YEAR=$(( $(date +%Y) - 1 ))

mkdir -p "$WORK"
rm -f "$WORK"/cookies "$WORK"/*.csv "$WORK"/*.tsv

db() { mariadb -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }
sql() { db --batch --skip-column-names "$DB" -e "$1"; }
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }
say() { printf '%s\n' "$*"; }

say "== tafund ledger CSV and fund statement benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "   $(java -version 2>&1 | head -1), MariaDB $(db -N -e 'select version()'), innodb_buffer_pool_size $(db -N -e 'select @@innodb_buffer_pool_size div 1048576') MB"

# Build ------------------------------------------------------------------------------------------
if [[ ! -f $JAR || ! -f $VOLUME_JAR || ${BENCH_BUILD:-0} == 1 ]]; then
	say "== building $JAR and $VOLUME_JAR"
	./mvnw -B -q -DskipTests package
fi
# Copies, so that a rebuild while the app runs does not pull the jars from under it.
cp "$JAR" "$WORK/app.jar"
cp "$VOLUME_JAR" "$WORK/volume.jar"

# Data -----------------------------------------------------------------------------------------
db -e "CREATE DATABASE IF NOT EXISTS $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
donors=$(sql "select count(*) from information_schema.tables where table_schema = '$DB' and table_name = 'donor'")
if [[ $donors == 1 ]]; then donors=$(sql "select count(*) from donor"); fi
if [[ $donors == 0 ]]; then
	say "== generating the volume data at scale $SCALE into $DB"
	start=$(now)
	java -Dloader.path="$WORK/volume.jar" -Dloader.main=org.tafund.volume.VolumeData -cp "$WORK/app.jar" \
		org.springframework.boot.loader.launch.PropertiesLauncher \
		--url="$JDBC_URL" --user="$DB_USER" --password="$DB_PASSWORD" --scale="$SCALE"
	say "   generation wall clock, JVM start included: $(secs "$start" "$(now)") s"
else
	say "== $DB already holds $donors donors: using its data"
fi

# The application (it applies any pending migration before it answers) --------------------------
# The benchmark measures exports, not sign-in: its administrator signs in with the password alone.
say "== starting the app: java -Xmx$HEAP, profile mysql, $JDBC_URL"
TAFUND_DB_URL="$JDBC_URL" TAFUND_DB_USER="$DB_USER" TAFUND_DB_PASSWORD="$DB_PASSWORD" \
	TAFUND_ADMIN_USER="$ADMIN" TAFUND_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
	java -Xmx"$HEAP" -jar "$WORK/app.jar" --spring.profiles.active=mysql --server.port="$PORT" \
	--tafund.second-factor.roles= > "$WORK/app.log" 2>&1 &
APP=$!
SAMPLER=
cleanup() {
	[[ -n $SAMPLER ]] && kill "$SAMPLER" 2>/dev/null || true
	kill "$APP" 2>/dev/null || true
	wait "$APP" 2>/dev/null || true
}
trap cleanup EXIT
started=$(now)
until curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; do
	if ! kill -0 "$APP" 2>/dev/null; then say "the app stopped; see $WORK/app.log"; tail -20 "$WORK/app.log"; exit 1; fi
	sleep 1
done
say "   up in $(secs "$started" "$(now)") s (pid $APP)"
say "   rows: $(sql "select concat('donor ', (select count(*) from donor), ', agreement ', (select count(*) from agreement),
	', receipt ', (select count(*) from receipt), ', expenditure ', (select count(*) from expenditure),
	', journal_entry ', (select count(*) from journal_entry), ', journal_line ', (select count(*) from journal_line))")"

curl -s -c "$WORK/cookies" "$BASE/login" > "$WORK/login.html"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//; s/"$//')
signin=$(curl -s -b "$WORK/cookies" -c "$WORK/cookies" -o /dev/null -w '%{http_code} %{redirect_url}' \
	--data-urlencode "username=$ADMIN" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" \
	"$BASE/login")
if [[ $signin != "302 $BASE/" ]]; then say "sign-in as $ADMIN failed ($signin)"; exit 1; fi

# The ledger query, taken from Ledger.java, so that the raw dump runs what the app runs: the same
# lines and stored columns in the same order, read in the order of the date index (the app's hint
# on MariaDB), and once more as the optimizer plans it without the hint (a sort of every line).
python3 - "$FROM" "$TO" "$WORK" <<'PY'
import re, sys
source = open('src/main/java/org/tafund/reporting/Ledger.java', encoding='utf-8').read()
select = re.search(r'String SQL = """(.*?)""";', source, re.S).group(1).strip()
order = re.search(r'String ORDER = "(.*?)";', source).group(1)
hint = re.search(r'String DATE_ORDER_HINT = "(.*?)";', source).group(1)
frm, to, work = sys.argv[1:4]
dates = iter([frm, to])
period = re.sub(r'\?', lambda m: "'" + next(dates) + "'", select)
open(f'{work}/ledger.sql', 'w').write(period.replace('from journal_line l join', hint) + order + '\n')
open(f'{work}/ledger-optimizer.sql', 'w').write(period + order + '\n')
PY

# Memory: peak RSS of the app (VmHWM, reset before each measurement) and peak used heap (jstat).
sample_start() {
	echo 5 > "/proc/$APP/clear_refs" 2>/dev/null || true
	jstat -gc "$APP" 200 > "$WORK/jstat.log" 2>/dev/null &
	SAMPLER=$!
}
sample_stop() {
	kill "$SAMPLER" 2>/dev/null || true
	wait "$SAMPLER" 2>/dev/null || true
	SAMPLER=
	local rss heap
	rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$APP/status")
	heap=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {u = $3 + $4 + $6 + $8; if (u > m) m = u} END {printf "%.0f", m / 1024}' "$WORK/jstat.log")
	echo "$rss $heap"
}
alive() {
	kill -0 "$APP" 2>/dev/null && ! grep -q OutOfMemoryError "$WORK/app.log"
}
# A command's stdout into a file: exit code, time to its first byte, to the end of its second line
# (the first data row after the header), total time, bytes.
timed() {
	python3 - "$@" <<'PY'
import subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
start = time.monotonic(); first = None; row = None; size = 0; newlines = 0
process = subprocess.Popen(cmd, stdout=subprocess.PIPE, bufsize=0)
with open(out, 'wb') as f:
    while True:
        chunk = process.stdout.read(1 << 16)
        if not chunk: break
        if first is None: first = time.monotonic()
        if row is None:
            newlines += chunk.count(b'\n')
            if newlines >= 2: row = time.monotonic()
        size += len(chunk); f.write(chunk)
code = process.wait(); end = time.monotonic()
print(code, f'{(first or end) - start:.3f}', f'{(row or end) - start:.3f}', f'{end - start:.3f}', size)
PY
}
rawdump() { timed "$1" mariadb -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} --batch --quick "$DB" -e "$(cat "$2")"; }

# CSV: the app over HTTP against the raw dump ------------------------------------------------------
say "== ledger CSV of every journal line, $FROM..$TO"
read -r expected_rows expected_usd < <(sql "select count(*), sum(case when a.kind = 'ASSET' then l.debit_usd - l.credit_usd
	else l.credit_usd - l.debit_usd end) from journal_line l join ledger_account a on a.code = l.account_code
	where l.accounting_date between '$FROM' and '$TO'")
say "   SQL: $expected_rows lines, USD sum (what they do to the Fund) $expected_usd"
read -r raw_code raw_first raw_row raw_total raw_bytes < <(rawdump "$WORK/raw.tsv" "$WORK/ledger.sql")
raw_rows=$(( $(wc -l < "$WORK/raw.tsv") - 1 ))
say "   raw mariadb --batch --quick, the app's query: ${raw_total} s (first byte ${raw_first} s, first row ${raw_row} s), $raw_rows rows, $raw_bytes bytes, exit $raw_code"
# A warm-up request (one day), so that the first byte measured below is not the app's first export.
curl -s -f -b "$WORK/cookies" -o /dev/null "$BASE/reports/ledger.csv?from=$TO&to=$TO&codes=true" || true
sample_start
read -r csv_code csv_first csv_row csv_total csv_bytes < <(timed "$WORK/ledger.csv" curl -sS -f -b "$WORK/cookies" \
	"$BASE/reports/ledger.csv?from=$FROM&to=$TO&codes=true")
read -r csv_rss csv_heap < <(sample_stop)
say "   app /reports/ledger.csv: ${csv_total} s (first byte ${csv_first} s, first row ${csv_row} s), curl exit $csv_code, $csv_bytes bytes; peak RSS $csv_rss MB, peak heap $csv_heap MB"
if [[ ${BENCH_RAW_PLAN:-1} == 1 ]]; then
	read -r opt_code opt_first opt_row opt_total opt_bytes < <(rawdump "$WORK/raw-optimizer.tsv" "$WORK/ledger-optimizer.sql")
	say "   raw mariadb --batch --quick, the optimizer's plan (no hint): ${opt_total} s (first row ${opt_row} s), $(( $(wc -l < "$WORK/raw-optimizer.tsv") - 1 )) rows, exit $opt_code"
	rm -f "$WORK/raw-optimizer.tsv"
fi
read -r csv_rows csv_usd < <(python3 - "$WORK/ledger.csv" <<'PY'
import csv, sys
from decimal import Decimal
rows, total = 0, Decimal(0)
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    reader = csv.reader(f)
    usd = next(reader).index('usd')
    for row in reader:
        rows += 1
        if row[usd]: total += Decimal(row[usd])
print(rows, total)
PY
)
if [[ $csv_rows == "$expected_rows" && $raw_rows == "$expected_rows" ]] && python3 -c "import sys; from decimal import Decimal as D; sys.exit(D(sys.argv[1]) != D(sys.argv[2]))" "$csv_usd" "$expected_usd"; then
	csv_check="OK ($csv_rows rows, USD $csv_usd)"
else
	csv_check="MISMATCH: CSV $csv_rows rows, USD $csv_usd; raw dump $raw_rows rows; SQL $expected_rows rows, USD $expected_usd"
fi
say "   check against SQL: $csv_check"
csv_alive=$(alive && echo yes || echo NO)

# Fund statement ---------------------------------------------------------------------------------
# In the signed-in session (as the page calls it); then with an API token (Authorization: Bearer), as a
# script calls it (the mysql profile takes no password on the API).
say "== fund statement $YEAR (JSON API), 1 warm-up + $RUNS runs in a signed-in session, then $RUNS with an API token"
page_csrf=$(curl -s -b "$WORK/cookies" "$BASE/account/tokens" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
api_token=$(curl -s -b "$WORK/cookies" -H "X-CSRF-TOKEN: $page_csrf" -H 'Content-Type: application/json' \
	-d '{"name":"bench/exports.sh","scope":"READ","days":1}' "$BASE/api/v1/tokens" \
	| python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')
STATEMENT="$BASE/api/v1/reports/fund-statement?from=$YEAR-01-01&to=$YEAR-12-31"
sample_start
curl -s -b "$WORK/cookies" -o "$WORK/statement.json" "$STATEMENT"
times=()
for _ in $(seq "$RUNS"); do
	times+=("$(curl -s -b "$WORK/cookies" -o /dev/null -w '%{time_total}' "$STATEMENT")")
done
basic=()
for _ in $(seq "$RUNS"); do
	basic+=("$(curl -s -H "Authorization: Bearer $api_token" -o /dev/null -w '%{time_total}' "$STATEMENT")")
done
read -r st_rss st_heap < <(sample_stop)
read -r st_best st_median st_worst < <(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print a[1], a[int((NR + 1) / 2)], a[NR]}')
read -r b_best b_median b_worst < <(printf '%s\n' "${basic[@]}" | sort -n | awk '{a[NR] = $1} END {print a[1], a[int((NR + 1) / 2)], a[NR]}')
say "   session: best ${st_best} s, median ${st_median} s, worst ${st_worst} s"
say "   API token: best ${b_best} s, median ${b_median} s, worst ${b_worst} s"
say "   $(head -c 200 "$WORK/statement.json")..."
statement_alive=$(alive && echo yes || echo NO)

# The chain ------------------------------------------------------------------------------------
if [[ ${BENCH_VERIFY:-1} == 1 ]]; then
	say "== journal verification (GET /api/v1/journal/verify)"
	verify=$(curl -s -H "Authorization: Bearer $api_token" -w ' %{time_total}' "$BASE/api/v1/journal/verify")
	say "   $verify"
fi

# Summary --------------------------------------------------------------------------------------------
csv_ratio=$(ratio "$csv_total" "$raw_total")
verdict() { python3 -c "import sys; print('met' if float(sys.argv[1]) <= float(sys.argv[2]) else 'MISSED')" "$1" "$2"; }
below() { python3 -c "import sys; print('met' if float(sys.argv[1]) < float(sys.argv[2]) else 'MISSED')" "$1" "$2"; }
say ""
say "== summary (app at -Xmx$HEAP)"
printf '%-52s %10s %10s %8s %8s  %s\n' "measure" "app s" "baseline s" "ratio" "target" "result"
printf '%-52s %10s %10s %8s %8s  %s\n' "ledger CSV, $expected_rows lines vs mariadb --batch --quick" "$csv_total" "$raw_total" "$csv_ratio" "1.2" "$(verdict "$csv_ratio" 1.2)"
printf '%-52s %10s %10s %8s %8s  %s\n' "  time to first byte" "$csv_first" "$raw_first" "" "< 0.5 s" "$(below "$csv_first" 0.5)"
printf '%-52s %10s %10s %8s %8s  %s\n' "  time to first data row" "$csv_row" "$raw_row" "" "" ""
printf '%-52s %10s %10s %8s %8s  %s\n' "fund statement $YEAR, median of $RUNS (session)" "$st_median" "" "" "< 0.3 s" "$(below "$st_median" 0.3)"
printf '%-52s %10s %10s %8s %8s  %s\n' "  with an API token (Authorization: Bearer)" "$b_median" "" "" "" ""
say "CSV row count and USD sum against SQL: $csv_check"
say "peak RSS / peak used heap: CSV $csv_rss / $csv_heap MB, statement $st_rss / $st_heap MB"
say "app alive without OutOfMemoryError after CSV: $csv_alive, after statement: $statement_alive"
