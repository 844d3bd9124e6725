# Shared by the benchmark scripts that run one app on the volume database (bank-statements.sh,
# spreadsheet-import.sh): settings, the database, the jars, the volume data and the app. Source it
# after setting BENCH_NAME (the name of the jars' copies and of the app's log) and DEFAULT_PORT.
DB=${BENCH_DB:-tafund_bench}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
PORT=${BENCH_PORT:-$DEFAULT_PORT}
HEAP=${BENCH_HEAP:-512m}
WORK=${BENCH_WORK:-/tmp/tafund-bench}
SCALE=${BENCH_SCALE:-1.0}
RUNS=${BENCH_RUNS:-3}
JAR=target/tafund-0.1.0-SNAPSHOT.jar
VOLUME_JAR=target/volume/tafund-0.1.0-SNAPSHOT-volume.jar
ADMIN=bench.admin
ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench admin password 2026}
export BENCH_DIR
BENCH_DIR=$(pwd)/bench

mkdir -p "$WORK"
db() { mariadb -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }
sql() { db --batch --skip-column-names "$1" -e "$2"; }
say() { printf '%s\n' "$*"; }

# The product and volume jars, built when missing (or with BENCH_BUILD=1), copied so that a build
# meanwhile does not change the jar under the running app.
bench_jars() {
	if [[ ! -f $JAR || ! -f $VOLUME_JAR || ${BENCH_BUILD:-0} == 1 ]]; then
		say "== building $JAR and $VOLUME_JAR"
		./mvnw -B -q -DskipTests package
	fi
	cp "$JAR" "$WORK/$BENCH_NAME.jar"
	cp "$VOLUME_JAR" "$WORK/$BENCH_NAME-volume.jar"
}

# The volume database, generated at $SCALE when it holds no donor.
bench_volume() {
	db -e "CREATE DATABASE IF NOT EXISTS $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
	local donors
	donors=$(sql "$DB" "select count(*) from information_schema.tables where table_schema = '$DB' and table_name = 'donor'")
	[[ $donors == 1 ]] && donors=$(sql "$DB" "select count(*) from donor")
	if [[ $donors == 0 ]]; then
		say "== generating scale $SCALE into $DB"
		java -Dloader.path="$WORK/$BENCH_NAME-volume.jar" -Dloader.main=org.tafund.volume.VolumeData -cp "$WORK/$BENCH_NAME.jar" \
			org.springframework.boot.loader.launch.PropertiesLauncher \
			--url="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" --user="$DB_USER" --password="$DB_PASSWORD" --scale="$SCALE"
	fi
}

# The app on the volume database, stopped when the script exits. The benchmark's administrator
# signs in with the password alone (the second factor off for every role).
APP=
bench_cleanup() { [[ -n $APP ]] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true; }
bench_app() {
	trap bench_cleanup EXIT
	TAFUND_DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" TAFUND_DB_USER="$DB_USER" TAFUND_DB_PASSWORD="$DB_PASSWORD" \
		TAFUND_ADMIN_USER="$ADMIN" TAFUND_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
		java -Xmx"$HEAP" -jar "$WORK/$BENCH_NAME.jar" --spring.profiles.active=mysql --server.port="$PORT" \
		--tafund.second-factor.roles= > "$WORK/app-$BENCH_NAME.log" 2>&1 &
	APP=$!
	until curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
		kill -0 "$APP" 2>/dev/null || { say "the app stopped; see $WORK/app-$BENCH_NAME.log"; exit 1; }
		sleep 1
	done
}
