#!/usr/bin/env bash
# Pages and API reads at the Fund's volume (issue 15): fills (or reuses) the volume database, starts
# the app at -Xmx128m, and prints for each main page its statements per request, p50 and p99 with 4
# users in parallel (signed-in sessions); the API reads by id with a token at 16 connections against
# the JDBC primary-key ceiling measured in the same run; receipts POSTed per second by 8 clients with
# a token (rows stored = 201 answers); and the startup time of the default profile from an empty
# folder (median of 5); then, for each report page, its statements with EXPLAIN (which index, how
# many rows: bench/explain.py, through the server's general log, so the database user must be
# allowed to switch it). Figures are printed and appended to bench/RESULTS.md; it is not a test.
# Environment (all optional): BENCH_DB (tafund_bench), BENCH_DB_HOST, BENCH_DB_PORT, BENCH_DB_USER,
# BENCH_DB_PASSWORD, BENCH_PORT (18090), BENCH_HEAP (128m), BENCH_WORK (/tmp/tafund-bench),
# BENCH_SCALE (1.0, to fill an empty database), BENCH_BUILD=1 to rebuild the jars, PAGE_RUNS (10 per
# user and page), API_SECONDS (10), STARTUPS (5; 0 skips the startup part), PARALLEL (1; 0 skips the
# ten-at-once step: the status of contributions page and the ledger CSV of every line, ten of each at once).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_NAME=pages
DEFAULT_PORT=18090
BENCH_HEAP=${BENCH_HEAP:-128m}
source bench/lib.sh
STARTUPS=${STARTUPS:-5}
OUT="$WORK/pages-results.md"

bench_jars
bench_volume

# Startup of the default profile (H2 file database, demo data) from an empty folder -----------------
startup_line="not measured (STARTUPS=0)"
if (( STARTUPS > 0 )); then
	say "== startup of the default profile from an empty folder, $STARTUPS times"
	starts=()
	for _ in $(seq "$STARTUPS"); do
		rm -rf "$WORK/startup" && mkdir -p "$WORK/startup"
		(cd "$WORK/startup" && exec java -jar "$WORK/$BENCH_NAME.jar" --server.port=$((PORT + 1)) > app.log 2>&1) &
		pid=$!
		until grep -q "Started TafundApplication" "$WORK/startup/app.log" 2>/dev/null; do
			kill -0 "$pid" 2>/dev/null || { say "the default profile did not start; see $WORK/startup/app.log"; exit 1; }
			sleep 0.2
		done
		starts+=("$(grep -o 'Started TafundApplication in [0-9.]*' "$WORK/startup/app.log" | awk '{print $4}')")
		kill "$pid"; wait "$pid" 2>/dev/null || true
	done
	median=$(printf '%s\n' "${starts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	startup_line="median ${median} s of ${#starts[@]} (${starts[*]} s)"
	say "   $startup_line"
fi

say "== app on $DB at -Xmx$HEAP"
bench_app
BASE="http://127.0.0.1:$PORT"

# Tokens: made in a signed-in session, as a user makes them on the Account page's API.
rm -f "$WORK/pages-cookies"
curl -s -c "$WORK/pages-cookies" "$BASE/login" > "$WORK/pages-login.html"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/pages-login.html" | sed 's/.*value="//; s/"$//')
curl -s -b "$WORK/pages-cookies" -c "$WORK/pages-cookies" -o /dev/null --data-urlencode "username=$ADMIN" \
	--data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
page_csrf=$(curl -s -b "$WORK/pages-cookies" "$BASE/account/tokens" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
token() {
	curl -s -b "$WORK/pages-cookies" -H "X-CSRF-TOKEN: $page_csrf" -H 'Content-Type: application/json' \
		-d "{\"name\":\"bench/pages.sh $1\",\"scope\":\"$1\",\"days\":1}" "$BASE/api/v1/tokens" \
		| python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])'
}
READ_TOKEN=$(token READ)
WRITE_TOKEN=$(token WRITE)

# What the pages and reads are about: a busy donor, agreement and project, ids to read, agreements to pay.
donor=$(sql "$DB" "select donor_id from agreement group by donor_id order by count(*) desc limit 1")
agreement=$(sql "$DB" "select agreement_id from receipt group by agreement_id order by count(*) desc limit 1")
project=$(sql "$DB" "select project_id from expenditure group by project_id order by count(*) desc limit 1")
year=$(( $(date +%Y) - 1 ))
ids() { sql "$DB" "select id from $1 order by rand(7) limit 2000" | paste -sd, -; }
agreement_ids=$(ids agreement); donor_ids=$(ids donor); project_ids=$(ids project)
# Agreements still owed at least 100 in their currency: a receipt of 1.00 is then never an overpayment.
payable=$(sql "$DB" "select concat('[', a.id, ',\"', a.currency, '\"]') from agreement a where a.signed_on is not null
	and a.cancelled_on is null and a.closed_on is null and a.in_kind = false and a.total_amount - 100 >
	(select coalesce(sum(r.agreement_amount), 0) from receipt r where r.agreement_id = a.id) order by rand(11) limit 500" \
	| paste -sd, -)

# The JDBC ceiling, in the same run: 16 connections looking agreements up by id.
driver=$(unzip -Z1 "$WORK/$BENCH_NAME.jar" | grep 'BOOT-INF/lib/mariadb-java-client' | head -1)
unzip -o -q -j "$WORK/$BENCH_NAME.jar" "$driver" -d "$WORK"
say "== JDBC primary-key ceiling: 16 connections, 10 s"
ceiling=$(java -cp "$WORK/$(basename "$driver")" bench/PkCeiling.java "jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" \
	"$DB_USER" "$DB_PASSWORD" agreement 16 10 ${agreement_ids//,/ })
say "   $ceiling lookups/s"

cat > "$WORK/pages-spec.json" <<JSON
{"pages": [
 ["home", "/"],
 ["donors", "/donors"],
 ["donor (most agreements)", "/donors/$donor"],
 ["contributions", "/contributions"],
 ["agreement (most receipts)", "/contributions/agreements/$agreement"],
 ["overdue instalments", "/contributions/overdue"],
 ["projects", "/projects"],
 ["project (most expenditure)", "/projects/$project"],
 ["activities", "/activities"],
 ["requests", "/projects/requests"],
 ["exchange rates", "/exchange-rates"],
 ["approvals", "/approvals"],
 ["audit", "/audit"],
 ["journal", "/books/journal"],
 ["fund statement $year", "/reports/fund-statement?from=$year-01-01&to=$year-12-31"],
 ["status of contributions $year", "/reports/status-of-contributions?from=$year-01-01&to=$year-12-31"],
 ["ledger $year", "/reports/ledger?from=$year-01-01&to=$year-12-31"],
 ["donor statement $year", "/reports/donor-statement?donorId=$donor&from=$year-01-01&to=$year-12-31"],
 ["project report $year", "/reports/project-report?projectId=$project&from=$year-01-01&to=$year-12-31"],
 ["implementation $year", "/reports/implementation?from=$year-01-01&to=$year-12-31"],
 ["trial balance $year", "/reports/trial-balance?from=$year-01-01&to=$year-12-31"],
 ["financial statements $year", "/reports/financial-statements?from=$year-01-01&to=$year-12-31"]
],
 "ids": {"agreements": [$agreement_ids], "donors": [$donor_ids], "projects": [$project_ids]},
 "ceiling": $ceiling,
 "agreements": [$payable],
 "today": "$(date +%F)"}
JSON

say "== pages, API reads and receipts"
PORT=$PORT ADMIN=$ADMIN ADMIN_PASSWORD=$ADMIN_PASSWORD READ_TOKEN=$READ_TOKEN WRITE_TOKEN=$WRITE_TOKEN \
	DB_COMMAND="mariadb -h$DB_HOST -P$DB_PORT -u$DB_USER ${DB_PASSWORD:+-p$DB_PASSWORD} $DB" \
	python3 bench/pages.py "$WORK/pages-spec.json" | tee "$OUT"
say "== EXPLAIN of the report pages' statements"
{
	printf '\nReport pages, one request each, their statements from the general log with EXPLAIN (bench/explain.py):\n\n'
	PORT=$PORT ADMIN=$ADMIN ADMIN_PASSWORD=$ADMIN_PASSWORD \
		DB_COMMAND="mariadb -h$DB_HOST -P$DB_PORT -u$DB_USER ${DB_PASSWORD:+-p$DB_PASSWORD} $DB" \
		python3 bench/explain.py "$WORK/pages-spec.json" \
		|| printf '\nThe EXPLAIN step failed (the database user may not switch the general log); the figures above stand.\n'
} | tee -a "$OUT"
if [[ ${PARALLEL:-1} == 1 ]]; then
	say "== ten at once: the heaviest page and export, at -Xmx$HEAP"
	{
		printf '\nThe heaviest page and export ten times each, all at once (bench/parallel.py), at `-Xmx%s`:\n\n' "$HEAP"
		PORT=$PORT ADMIN=$ADMIN ADMIN_PASSWORD=$ADMIN_PASSWORD \
			DB_COMMAND="mariadb -h$DB_HOST -P$DB_PORT -u$DB_USER ${DB_PASSWORD:+-p$DB_PASSWORD} $DB" \
			python3 bench/parallel.py || printf '\nTen at once: FAILED (see above).\n'
		printf 'OutOfMemoryError in the app log: %s.\n' \
			"$(grep -c 'OutOfMemoryError' "$WORK/app-$BENCH_NAME.log" || true)"
	} | tee -a "$OUT"
fi
alive=$(curl -sf "$BASE/actuator/health" | grep -q '"UP"' && echo UP || echo DOWN)

{
	printf '\n## Pages and API reads (%s UTC, `bash bench/pages.sh`, commit %s)\n\n' "$(date -u '+%F %H:%M')" \
		"$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src db 2>/dev/null || echo ' with uncommitted changes')"
	printf 'Database `%s`; app at `-Xmx%s`; %s page runs per user, 4 users; load average at the end %s; health afterwards %s.\n' \
		"$DB" "$HEAP" "${PAGE_RUNS:-10}" "$(cut -d' ' -f1-3 /proc/loadavg)" "$alive"
	printf 'Startup of the default profile from an empty folder: %s. JDBC primary-key ceiling: %s lookups/s.\n\n' \
		"$startup_line" "$ceiling"
	cat "$OUT"
} >> bench/RESULTS.md
say "== appended to bench/RESULTS.md"
