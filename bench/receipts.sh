#!/usr/bin/env bash
# Latency of a receipt POST (POST /api/v1/agreements/{id}/receipts) in this build against the jar
# built from an earlier commit (before the journal), each app on its own database filled by its
# own volume generator at the same scale and seed, measured in one run with the requests
# interleaved (old, new, new, old, ...). Prints figures; it is not a test. See bench/README.md.
# Environment (all optional):
#   BENCH_DB (tafund_bench), BENCH_OLD_DB (tafund_bench_old), BENCH_OLD_COMMIT (2c97c9e),
#   BENCH_OLD_TREE (/tmp/tafund-old-<commit>: a detached worktree where the old jar is built),
#   BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_USER (root), BENCH_DB_PASSWORD (empty),
#   BENCH_PORT (18080; the old app gets BENCH_PORT + 1), BENCH_HEAP (256m), BENCH_WORK (/tmp/tafund-bench),
#   BENCH_BUILD=1 to rebuild this build's jars, BENCH_RECEIPTS (400 per app), BENCH_WARMUP (100 per app),
#   BENCH_SCALE (1.0, only used to fill an empty database).
set -euo pipefail
cd "$(dirname "$0")/.."

NEW_DB=${BENCH_DB:-tafund_bench}
OLD_DB=${BENCH_OLD_DB:-tafund_bench_old}
OLD_COMMIT=${BENCH_OLD_COMMIT:-2c97c9e}
OLD_TREE=${BENCH_OLD_TREE:-/tmp/tafund-old-$OLD_COMMIT}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
PORT=${BENCH_PORT:-18080}
OLD_PORT=$((PORT + 1))
HEAP=${BENCH_HEAP:-256m}
WORK=${BENCH_WORK:-/tmp/tafund-bench}
RECEIPTS=${BENCH_RECEIPTS:-400}
WARMUP=${BENCH_WARMUP:-100}
SCALE=${BENCH_SCALE:-1.0}
JAR=target/tafund-0.1.0-SNAPSHOT.jar
# The volume data generator, packaged apart from the product; it runs on the product jar's class path. A tree
# from before the generator left the product (such as the default old commit's) has no such jar: its product
# jar carries the generator.
VOLUME_JAR=target/volume/tafund-0.1.0-SNAPSHOT-volume.jar
ADMIN=bench.admin
ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench admin password 2026}

mkdir -p "$WORK"
db() { mariadb -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }
sql() { db --batch --skip-column-names "$1" -e "$2"; }
say() { printf '%s\n' "$*"; }

say "== tafund receipt POST benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Jars --------------------------------------------------------------------------------------------
if [[ ! -f $JAR || ! -f $VOLUME_JAR || ${BENCH_BUILD:-0} == 1 ]]; then
	say "== building $JAR and $VOLUME_JAR"
	./mvnw -B -q -DskipTests package
fi
if [[ ! -f $OLD_TREE/$JAR ]]; then
	say "== building the jar of $OLD_COMMIT in $OLD_TREE"
	[[ -d $OLD_TREE ]] || git worktree add --detach "$OLD_TREE" "$OLD_COMMIT" > /dev/null
	(cd "$OLD_TREE" && ./mvnw -B -q -DskipTests package)
fi
# Copies, so that a rebuild while the apps run does not pull the jars from under them.
cp "$JAR" "$WORK/new.jar"
cp "$VOLUME_JAR" "$WORK/new-volume.jar"
cp "$OLD_TREE/$JAR" "$WORK/old.jar"
rm -f "$WORK/old-volume.jar"
OLD_VOLUME=
if [[ -f $OLD_TREE/$VOLUME_JAR ]]; then
	cp "$OLD_TREE/$VOLUME_JAR" "$WORK/old-volume.jar"
	OLD_VOLUME=$WORK/old-volume.jar
fi

# Data: each database filled by the generator of its own build --------------------------------------
# The generator runs on the product jar's class path, with its own jar on the loader path when it has one
# (an older build's product jar carries the generator itself: then the jar alone, as that build ran it).
fill() {
	local database=$1 jar=$2 volume=$3
	db -e "CREATE DATABASE IF NOT EXISTS $database CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
	local donors
	donors=$(sql "$database" "select count(*) from information_schema.tables where table_schema = '$database' and table_name = 'donor'")
	[[ $donors == 1 ]] && donors=$(sql "$database" "select count(*) from donor")
	if [[ $donors == 0 ]]; then
		say "== generating scale $SCALE into $database with $jar${volume:+ and $volume}"
		java ${volume:+-Dloader.path="$volume"} -Dloader.main=org.tafund.volume.VolumeData -cp "$jar" \
			org.springframework.boot.loader.launch.PropertiesLauncher \
			--url="jdbc:mariadb://$DB_HOST:$DB_PORT/$database" --user="$DB_USER" --password="$DB_PASSWORD" --scale="$SCALE"
	fi
	say "   $database: $(sql "$database" "select concat((select count(*) from agreement), ' agreements, ', (select count(*) from receipt), ' receipts')")"
}
fill "$NEW_DB" "$WORK/new.jar" "$WORK/new-volume.jar"
fill "$OLD_DB" "$WORK/old.jar" "$OLD_VOLUME"

# The agreements to pay: signed, neither cancelled nor closed, with at least 1,000 still due; the same ids in
# both databases (same generator seed), checked by reference.
pick="select a.id, a.reference, a.currency from agreement a
	where a.signed_on is not null and a.cancelled_on is null and a.closed_on is null
	and a.total_amount - coalesce((select sum(abs(r.agreement_amount)) from receipt r where r.agreement_id = a.id), 0) > 1000
	order by a.id limit 200"
sql "$NEW_DB" "$pick" > "$WORK/agreements-new.tsv"
sql "$OLD_DB" "select id, reference, currency from agreement where id in ($(cut -f1 "$WORK/agreements-new.tsv" | paste -sd,)) order by id" \
	> "$WORK/agreements-old.tsv"
if ! cmp -s "$WORK/agreements-new.tsv" "$WORK/agreements-old.tsv"; then
	say "the two databases do not hold the same agreements (generated at another scale, seed or day?)"
	exit 1
fi
say "   $(wc -l < "$WORK/agreements-new.tsv") agreements to pay, the same in both databases"

# The two apps ------------------------------------------------------------------------------------
APPS=()
cleanup() {
	for pid in "${APPS[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${APPS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
# The benchmark measures receipts, not sign-in: its administrator signs in with the password alone
# (the second factor off for every role; an older jar ignores the setting).
start() {
	local name=$1 jar=$2 database=$3 port=$4
	TAFUND_DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$database" TAFUND_DB_USER="$DB_USER" TAFUND_DB_PASSWORD="$DB_PASSWORD" \
		TAFUND_ADMIN_USER="$ADMIN" TAFUND_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
		java -Xmx"$HEAP" -jar "$jar" --spring.profiles.active=mysql --server.port="$port" \
		--tafund.second-factor.roles= > "$WORK/app-$name.log" 2>&1 &
	APPS+=($!)
	say "== started the $name app (pid $!) on port $port, -Xmx$HEAP, $database"
}
start new "$WORK/new.jar" "$NEW_DB" "$PORT"
start old "$WORK/old.jar" "$OLD_DB" "$OLD_PORT"
for port in "$PORT" "$OLD_PORT"; do
	until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
		for pid in "${APPS[@]}"; do
			if ! kill -0 "$pid" 2>/dev/null; then say "an app stopped; see $WORK/app-*.log"; exit 1; fi
		done
		sleep 1
	done
done
say "   both up"

# Interleaved POSTs, each app over its own keep-alive connection and signed-in session, timed in the client --------------------------------
python3 - "$WORK/agreements-new.tsv" "$PORT" "$OLD_PORT" "$ADMIN" "$ADMIN_PASSWORD" "$WARMUP" "$RECEIPTS" <<'PY'
import datetime, http.client, json, re, statistics, sys, time, urllib.parse
agreements_file, new_port, old_port, user, password, warmup, runs = sys.argv[1:8]
warmup, runs = int(warmup), int(runs)
agreements = [line.rstrip('\n').split('\t') for line in open(agreements_file) if line.strip()]
today = datetime.date.today().isoformat()

class Session:
    """A signed-in browser session over one keep-alive connection: the session cookie and the CSRF
    token a page carries, as the application's own pages send them. No password hashing per request."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection('127.0.0.1', int(port))
        self.cookie = None
        token = self.token('/login')
        status, _ = self.call('POST', '/login', urllib.parse.urlencode(
            {'username': user, 'password': password, '_csrf': token}),
            {'Content-Type': 'application/x-www-form-urlencoded'})
        if status != 302:
            sys.exit(f'sign-in on port {port} failed: HTTP {status}')
        self.csrf = self.token('/')

    def call(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookie:
            headers['Cookie'] = self.cookie
        self.connection.request(method, path, body, headers)
        response = self.connection.getresponse()
        text = response.read()
        for name, value in response.getheaders():
            if name.lower() == 'set-cookie' and value.startswith('SESSION='):
                self.cookie = value.split(';')[0]
        return response.status, text

    def token(self, path):
        status, text = self.call('GET', path)
        match = re.search(rb'name="_csrf" value="([^"]+)"', text)
        if not match:
            sys.exit(f'no CSRF token on {path} (HTTP {status})')
        return match.group(1).decode()

apps = {'old': Session(old_port), 'new': Session(new_port)}
times = {'old': [], 'new': []}
failures = {'old': 0, 'new': 0}

def post(app, n):
    agreement_id, reference, currency = agreements[n % len(agreements)]
    body = json.dumps({'receivedOn': today, 'amount': '1.00', 'currency': currency,
                       'bankReference': f'BENCH-{n}', 'note': 'bench/receipts.sh', 'overpayment': False})
    session = apps[app]
    start = time.perf_counter()
    status, text = session.call('POST', f'/api/v1/agreements/{agreement_id}/receipts', body,
                                {'Content-Type': 'application/json', 'Accept': 'application/json',
                                 'X-CSRF-TOKEN': session.csrf})
    elapsed = time.perf_counter() - start
    if status != 201:
        failures[app] += 1
        if failures[app] <= 3:
            print(f'   {app}: HTTP {status} for agreement {agreement_id}: {text[:200]!r}')
    return elapsed

for n in range(warmup + runs):
    order = ('old', 'new') if n % 2 == 0 else ('new', 'old')
    for app in order:
        elapsed = post(app, n)
        if n >= warmup:
            times[app].append(elapsed)

def q(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]

print(f'== {runs} receipts per app after {warmup} warm-up, interleaved, signed-in session, amount 1.00 in the agreement currency, dated today')
print(f'{"app":6} {"median ms":>10} {"p10 ms":>8} {"p90 ms":>8} {"mean ms":>8} {"failures":>9}')
for app in ('old', 'new'):
    t = [x * 1000 for x in times[app]]
    print(f'{app:6} {statistics.median(t):10.1f} {q(t, 0.1):8.1f} {q(t, 0.9):8.1f} {statistics.mean(t):8.1f} {failures[app]:9d}')
ratio = statistics.median(times['new']) / statistics.median(times['old'])
print(f'median ratio new / old: {ratio:.2f} (target <= 1.2: {"met" if ratio <= 1.2 else "MISSED"})')
PY
