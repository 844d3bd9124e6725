#!/usr/bin/env bash
# Load a backup made by backup.sh into a database (created if absent).
#
# Usage: db/restore.sh BACKUP.sql.gz
# Connection (environment):
#   TAFUND_DB_HOST (127.0.0.1)  TAFUND_DB_PORT (3306)  TAFUND_DB_NAME (tafund)
#   TAFUND_DB_USER (root)       TAFUND_DB_PASSWORD (empty; passed via MYSQL_PWD)
# Non-interactive: tables present in the backup are dropped and recreated;
# other tables in the target database are left alone.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 BACKUP.sql.gz" >&2
    exit 2
fi
file="$1"
if [ ! -r "$file" ]; then
    echo "restore.sh: cannot read $file" >&2
    exit 2
fi
gzip -t "$file"

host="${TAFUND_DB_HOST:-127.0.0.1}"
port="${TAFUND_DB_PORT:-3306}"
name="${TAFUND_DB_NAME:-tafund}"
user="${TAFUND_DB_USER:-root}"

if ! [[ "$name" =~ ^[A-Za-z0-9_]+$ ]]; then
    echo "restore.sh: unsupported database name '$name'" >&2
    exit 2
fi

if command -v mysql >/dev/null 2>&1; then
    client=mysql
elif command -v mariadb >/dev/null 2>&1; then
    client=mariadb
else
    echo "restore.sh: neither mysql nor mariadb client is installed" >&2
    exit 1
fi

# The password never goes on the command line.
if [ -n "${TAFUND_DB_PASSWORD:-}" ]; then
    export MYSQL_PWD="$TAFUND_DB_PASSWORD"
else
    unset MYSQL_PWD
fi

conn=(--host="$host" --port="$port" --user="$user" --protocol=TCP
      --default-character-set=utf8mb4 --batch)

"$client" "${conn[@]}" -e \
    "CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# Recent mariadb-dump writes a "sandbox mode" first line that only MariaDB's
# client understands; drop it when loading with MySQL's client.
client_version="$("$client" --version 2>/dev/null || true)"
if grep -qi mariadb <<<"$client_version"; then
    filter=(cat)
else
    filter=(sed '1{/^\/\*M!999999\\- enable the sandbox mode \*\/ *$/d;}')
fi

gzip -dc "$file" | "${filter[@]}" | "$client" "${conn[@]}" "$name"
echo "restored $file into $name on $host:$port"
