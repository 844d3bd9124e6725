#!/usr/bin/env bash
# Dump the tafund database to a gzipped SQL file.
#
# Usage: db/backup.sh [OUTPUT_DIR]        (default OUTPUT_DIR: ./backups)
# Connection (environment):
#   TAFUND_DB_HOST (127.0.0.1)  TAFUND_DB_PORT (3306)  TAFUND_DB_NAME (tafund)
#   TAFUND_DB_USER (root)       TAFUND_DB_PASSWORD (empty; passed via MYSQL_PWD)
# Prints the path of the file it wrote: backup-<name>-<UTC timestamp>.sql.gz
set -euo pipefail

host="${TAFUND_DB_HOST:-127.0.0.1}"
port="${TAFUND_DB_PORT:-3306}"
name="${TAFUND_DB_NAME:-tafund}"
user="${TAFUND_DB_USER:-root}"
out_dir="${1:-./backups}"

if command -v mysqldump >/dev/null 2>&1; then
    dump=mysqldump
elif command -v mariadb-dump >/dev/null 2>&1; then
    dump=mariadb-dump
else
    echo "backup.sh: neither mysqldump nor mariadb-dump is installed" >&2
    exit 1
fi

# The password never goes on the command line.
if [ -n "${TAFUND_DB_PASSWORD:-}" ]; then
    export MYSQL_PWD="$TAFUND_DB_PASSWORD"
else
    unset MYSQL_PWD
fi

opts=(--host="$host" --port="$port" --user="$user" --protocol=TCP
      --single-transaction --routines --triggers --no-tablespaces
      --hex-blob --default-character-set=utf8mb4)
# Options only MySQL's mysqldump knows (mysqldump may be MariaDB's under that name).
help="$("$dump" --help 2>/dev/null || true)"
if grep -q -- '--set-gtid-purged' <<<"$help"; then
    opts+=(--set-gtid-purged=OFF)
fi
if grep -q -- '--column-statistics' <<<"$help"; then
    opts+=(--column-statistics=0)
fi

mkdir -p "$out_dir"
umask 077
file="$out_dir/backup-$name-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"
tmp="$file.partial"
trap 'rm -f "$tmp"' EXIT

"$dump" "${opts[@]}" "$name" | gzip -c >"$tmp"
mv "$tmp" "$file"
echo "$file"
