#!/usr/bin/env bash
# Benchmark of the ledger exports and the fund statement on MariaDB with the volume data set.
# Prints figures; it is not a test and asserts nothing but the row count and USD sum of the CSV.
# See bench/README.md. Environment (all optional):
#   BENCH_DB (tafund_bench), BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_USER (root),
#   BENCH_DB_PASSWORD (empty), BENCH_PORT (18080), BENCH_HEAP (256m), BENCH_WORK (/tmp/tafund-bench),
#   BENCH_BUILD=1 to rebuild the jar, BENCH_XLSX_FULL=0 to skip the XLSX of the whole period,
#   BENCH_STATEMENT_RUNS (9).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-tafund_bench}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
PORT=${BENCH_PORT:-18080}
HEAP=${BENCH_HEAP:-256m}
WORK=${BENCH_WORK:-/tmp/tafund-bench}
RUNS=${BENCH_STATEMENT_RUNS:-9}
JAR=target/tafund-0.1.0-SNAPSHOT.jar
JDBC_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB"
ADMIN=bench.admin
ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench admin password 2026}
BASE="http://127.0.0.1:$PORT"
FROM=1990-01-01
TO=$(date +%F)
YEAR=$(( $(date +%Y) - 1 ))

mkdir -p "$WORK"
rm -f "$WORK"/cookies "$WORK"/*.csv "$WORK"/*.tsv "$WORK"/*.xlsx

db() { mariadb -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }
sql() { db --batch --skip-column-names "$DB" -e "$1"; }
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }
say() { printf '%s\n' "$*"; }

say "== tafund export benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM"
say "   $(java -version 2>&1 | head -1), MariaDB $(db -N -e 'select version()')"

# Build ------------------------------------------------------------------------------------------
if [[ ! -f $JAR || ${BENCH_BUILD:-0} == 1 ]]; then
	say "== building $JAR"
	./mvnw -B -o -q -DskipTests package
fi
rm -rf "$WORK/lib" && mkdir -p "$WORK/lib"
(cd "$WORK/lib" && unzip -q -j "$OLDPWD/$JAR" 'BOOT-INF/lib/*')

# Data -----------------------------------------------------------------------------------------
db -e "CREATE DATABASE IF NOT EXISTS $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
donors=$(sql "select count(*) from information_schema.tables where table_schema = '$DB' and table_name = 'donor'")
if [[ $donors == 1 ]]; then donors=$(sql "select count(*) from donor"); fi
if [[ $donors == 0 ]]; then
	say "== generating the volume data into $DB"
	start=$(now)
	java -Dloader.main=org.tafund.volume.VolumeData -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
		--url="$JDBC_URL" --user="$DB_USER" --password="$DB_PASSWORD" --scale=1.0
	say "   generation wall clock, JVM start included: $(secs "$start" "$(now)") s"
else
	say "== $DB already holds $donors donors: using its data"
fi
say "   rows: $(sql "select concat('donor ', (select count(*) from donor), ', agreement ', (select count(*) from agreement),
	', receipt ', (select count(*) from receipt), ', project ', (select count(*) from project), ', activity ',
	(select count(*) from activity), ', expenditure ', (select count(*) from expenditure), ', exchange_rate ',
	(select count(*) from exchange_rate))")"

# The ledger query, taken from Ledger.java so that the raw dump runs exactly what the app runs.
python3 - "$FROM" "$TO" "$WORK" <<'PY'
import re, sys
source = open('src/main/java/org/tafund/reporting/Ledger.java', encoding='utf-8').read()
movements = re.search(r'MOVEMENTS\s*=\s*"""(.*?)""";', source, re.S).group(1)
frm, to, work = sys.argv[1:4]
def period(a, b):
    dates = iter([a, b] * 50)
    return re.sub(r'\?', lambda m: "'" + next(dates) + "'", movements)
columns = ('entry_date, entry_type, donor, agreement, project, funding_window, conditional_terms, amount, currency, '
           'rate, rate_date, usd, reference, recorded_by, recorded_at')
def write(name, text):
    open(f'{work}/{name}', 'w').write(text)
write('ledger.sql', f'select {columns} from ({period(frm, to)}) ledger order by entry_date, entry_type, row_id')
write('ledger-check.sql', f'select count(*), sum(usd) from ({period(frm, to)}) ledger')
write('ledger-years.sql', f'select year(entry_date), count(*) from ({period(frm, to)}) ledger group by year(entry_date) order by 1')
PY

# The XLSX of the whole period would pass the 1,048,576 rows of a sheet: the compared XLSX run
# starts in the latest January 1st that keeps the period under 1,000,000 rows.
XLSX_FROM=$(db --batch --skip-column-names "$DB" < "$WORK/ledger-years.sql" | python3 -c "
import sys
rows = [tuple(map(int, line.split())) for line in sys.stdin if line.strip()]
total, start = 0, None
for year, count in reversed(rows):
    if total + count > 1_000_000: break
    total += count; start = year
print(f'{start}-01-01')")
python3 - "$XLSX_FROM" "$TO" "$WORK" <<'PY'
import re, sys
source = open('src/main/java/org/tafund/reporting/Ledger.java', encoding='utf-8').read()
movements = re.search(r'MOVEMENTS\s*=\s*"""(.*?)""";', source, re.S).group(1)
frm, to, work = sys.argv[1:4]
dates = iter([frm, to] * 50)
period = re.sub(r'\?', lambda m: "'" + next(dates) + "'", movements)
columns = ('entry_date, entry_type, donor, agreement, project, funding_window, conditional_terms, amount, currency, '
           'rate, rate_date, usd, reference, recorded_by, recorded_at')
open(f'{work}/ledger-xlsx.sql', 'w').write(
    f'select {columns} from ({period}) ledger order by entry_date, entry_type, row_id')
PY

# The application ------------------------------------------------------------------------------
say "== starting the app: java -Xmx$HEAP, profile mysql, $JDBC_URL"
TAFUND_DB_URL="$JDBC_URL" TAFUND_DB_USER="$DB_USER" TAFUND_DB_PASSWORD="$DB_PASSWORD" \
	TAFUND_ADMIN_USER="$ADMIN" TAFUND_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
	java -Xmx"$HEAP" -jar "$JAR" --spring.profiles.active=mysql --server.port="$PORT" > "$WORK/app.log" 2>&1 &
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

curl -s -c "$WORK/cookies" "$BASE/login" > "$WORK/login.html"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//; s/"$//')
signin=$(curl -s -b "$WORK/cookies" -c "$WORK/cookies" -o /dev/null -w '%{http_code} %{redirect_url}' \
	--data-urlencode "username=$ADMIN" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" \
	"$BASE/login")
if [[ $signin != "302 $BASE/" ]]; then say "sign-in as $ADMIN failed ($signin)"; exit 1; fi

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
# curl with timing: http_code time_to_first_byte total bytes
fetch() { curl -s -b "$WORK/cookies" -o "$2" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n' "$1" || true; }
# A command's stdout into a file, with time to first byte and total time.
timed() {
	python3 - "$@" <<'PY'
import subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
start = time.monotonic(); first = None; size = 0
process = subprocess.Popen(cmd, stdout=subprocess.PIPE, bufsize=0)
with open(out, 'wb') as f:
    while True:
        chunk = process.stdout.read(1 << 20)
        if not chunk: break
        if first is None: first = time.monotonic()
        size += len(chunk); f.write(chunk)
code = process.wait(); end = time.monotonic()
print(code, f'{(first or end) - start:.3f}', f'{end - start:.3f}', size)
PY
}

# CSV: the app over HTTP against the raw dump ------------------------------------------------------
say "== ledger CSV $FROM..$TO"
read -r expected_rows expected_usd < <(db --batch --skip-column-names "$DB" < "$WORK/ledger-check.sql")
say "   SQL: $expected_rows rows, USD sum $expected_usd"
read -r raw_code raw_first raw_total raw_bytes < <(timed "$WORK/raw.tsv" mariadb -h"$DB_HOST" -P"$DB_PORT" \
	-u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} --batch --quick "$DB" -e "$(cat "$WORK/ledger.sql")")
raw_rows=$(( $(wc -l < "$WORK/raw.tsv") - 1 ))
say "   raw mariadb --batch --quick dump: ${raw_total} s (first byte ${raw_first} s), $raw_rows rows, $raw_bytes bytes, exit $raw_code"
sample_start
read -r csv_code csv_first csv_total csv_bytes < <(fetch "$BASE/reports/ledger.csv?from=$FROM&to=$TO" "$WORK/ledger.csv")
read -r csv_rss csv_heap < <(sample_stop)
say "   app /reports/ledger.csv: ${csv_total} s (first byte ${csv_first} s), HTTP $csv_code, $csv_bytes bytes; peak RSS $csv_rss MB, peak heap $csv_heap MB"
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
if [[ $csv_rows == "$expected_rows" ]] && python3 -c "import sys; from decimal import Decimal as D; sys.exit(D(sys.argv[1]) != D(sys.argv[2]))" "$csv_usd" "$expected_usd"; then
	csv_check="OK ($csv_rows rows, USD $csv_usd)"
else
	csv_check="MISMATCH: CSV $csv_rows rows, USD $csv_usd; SQL $expected_rows rows, USD $expected_usd"
fi
say "   check against SQL: $csv_check"
csv_alive=$(alive && echo yes || echo NO)

# XLSX: the app over HTTP against a plain SXSSF write ------------------------------------------------
xlsx_rows=$(db --batch --skip-column-names "$DB" -e "select count(*) from ($(sed 's/ order by entry_date, entry_type, row_id$//' "$WORK/ledger-xlsx.sql")) t")
say "== ledger XLSX $XLSX_FROM..$TO ($xlsx_rows rows)"
read -r plain_rows plain_first_ms plain_ms < <(java -Xmx"$HEAP" -cp "$WORK/lib/*" bench/PlainSxssf.java "$JDBC_URL" \
	"$DB_USER" "$DB_PASSWORD" "$WORK/ledger-xlsx.sql" "$WORK/plain.xlsx" 2>"$WORK/plain.err")
plain_total=$(python3 -c "print(f'{$plain_ms / 1000:.3f}')")
say "   plain SXSSF (JDBC + SXSSF, -Xmx$HEAP, JVM start excluded): ${plain_total} s (first row $(python3 -c "print(f'{$plain_first_ms / 1000:.3f}')") s), $plain_rows rows, $(stat -c %s "$WORK/plain.xlsx") bytes"
sample_start
read -r xlsx_code xlsx_first xlsx_total xlsx_bytes < <(fetch "$BASE/reports/ledger.xlsx?from=$XLSX_FROM&to=$TO" "$WORK/ledger.xlsx")
read -r xlsx_rss xlsx_heap < <(sample_stop)
say "   app /reports/ledger.xlsx: ${xlsx_total} s (first byte ${xlsx_first} s), HTTP $xlsx_code, $xlsx_bytes bytes; peak RSS $xlsx_rss MB, peak heap $xlsx_heap MB"
xlsx_alive=$(alive && echo yes || echo NO)

if [[ ${BENCH_XLSX_FULL:-1} == 1 ]]; then
	say "== ledger XLSX of the whole period $FROM..$TO ($expected_rows rows: more than a sheet holds)"
	sample_start
	read -r full_code full_first full_total full_bytes < <(fetch "$BASE/reports/ledger.xlsx?from=$FROM&to=$TO" "$WORK/ledger-full.xlsx")
	read -r full_rss full_heap < <(sample_stop)
	full_valid=$(python3 -c "import zipfile, sys; zipfile.ZipFile(sys.argv[1]).testzip(); print('a valid workbook')" "$WORK/ledger-full.xlsx" 2>/dev/null || echo "NOT a valid workbook")
	say "   app: ${full_total} s, HTTP $full_code, $full_bytes bytes, $full_valid; peak RSS $full_rss MB, peak heap $full_heap MB"
	grep -m1 -o 'Invalid row number[^)]*)' "$WORK/app.log" | sed 's/^/   app log: /' || true
fi

# Fund statement ---------------------------------------------------------------------------------
say "== fund statement $YEAR (JSON API), 1 warm-up + $RUNS runs"
sample_start
curl -s -u "$ADMIN:$ADMIN_PASSWORD" -o "$WORK/statement.json" "$BASE/api/v1/reports/fund-statement?from=$YEAR-01-01&to=$YEAR-12-31"
times=()
for _ in $(seq "$RUNS"); do
	times+=("$(curl -s -u "$ADMIN:$ADMIN_PASSWORD" -o /dev/null -w '%{time_total}' \
		"$BASE/api/v1/reports/fund-statement?from=$YEAR-01-01&to=$YEAR-12-31")")
done
read -r st_rss st_heap < <(sample_stop)
read -r st_best st_median st_worst < <(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print a[1], a[int((NR + 1) / 2)], a[NR]}')
say "   best ${st_best} s, median ${st_median} s, worst ${st_worst} s; $(head -c 160 "$WORK/statement.json")..."
statement_alive=$(alive && echo yes || echo NO)

# Summary --------------------------------------------------------------------------------------------
csv_ratio=$(ratio "$csv_total" "$raw_total")
xlsx_ratio=$(ratio "$xlsx_total" "$plain_total")
verdict() { python3 -c "import sys; print('met' if float(sys.argv[1]) <= float(sys.argv[2]) else 'MISSED')" "$1" "$2"; }
say ""
say "== summary (app at -Xmx$HEAP)"
printf '%-44s %10s %10s %8s %8s  %s\n' "measure" "app s" "baseline s" "ratio" "target" "result"
printf '%-44s %10s %10s %8s %8s  %s\n' "ledger CSV, $expected_rows rows vs mariadb --batch" "$csv_total" "$raw_total" "$csv_ratio" "1.5" "$(verdict "$csv_ratio" 1.5)"
printf '%-44s %10s %10s %8s %8s  %s\n' "  time to first byte" "$csv_first" "$raw_first" "" "" ""
printf '%-44s %10s %10s %8s %8s  %s\n' "ledger XLSX, $xlsx_rows rows vs plain SXSSF" "$xlsx_total" "$plain_total" "$xlsx_ratio" "1.2" "$(verdict "$xlsx_ratio" 1.2)"
printf '%-44s %10s %10s %8s %8s  %s\n' "  time to first byte" "$xlsx_first" "" "" "" ""
printf '%-44s %10s %10s %8s %8s  %s\n' "fund statement $YEAR, median of $RUNS" "$st_median" "" "" "1.0 s" "$(verdict "$st_median" 1.0)"
say "CSV row count and USD sum against SQL: $csv_check"
say "peak RSS / peak used heap: CSV $csv_rss / $csv_heap MB, XLSX $xlsx_rss / $xlsx_heap MB, statement $st_rss / $st_heap MB"
say "app alive without OutOfMemoryError after CSV: $csv_alive, after XLSX: $xlsx_alive, after statement: $statement_alive"
