#!/usr/bin/env bash
# Makes a PostgreSQL server answer on 127.0.0.1:5432 with the role and database the cluster tests
# use (ClusterIT). Idempotent: run it as often as you like. Needs root (or sudo) on Debian/Ubuntu.
# Override the names with NEWS_ARCHIVER_TEST_DB_USER / _PASSWORD / _NAME.
set -euo pipefail
user="${NEWS_ARCHIVER_TEST_DB_USER:-newsarchiver}"
password="${NEWS_ARCHIVER_TEST_DB_PASSWORD:-newsarchiver}"
db="${NEWS_ARCHIVER_TEST_DB_NAME:-newsarchiver_test}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# From / so psql does not warn that it cannot enter a directory only root can read.
as_postgres() { (cd / && if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi); }

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "postgres.sh: installing PostgreSQL (Debian package postgresql)"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q postgresql
fi

answers() { pg_isready -q -h 127.0.0.1 -p 5432; }

if ! answers; then
  # The newest installed major version; its default cluster is "main" on Debian.
  version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    as_root pg_createcluster "$version" main
  fi
  echo "postgres.sh: starting PostgreSQL $version/main"
  as_root pg_ctlcluster "$version" main start || as_root service postgresql start
  for _ in $(seq 1 30); do answers && break; sleep 1; done
  answers || { echo "postgres.sh: PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }
fi

# Over the local socket (peer authentication) as the postgres superuser.
psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -X -q -tA "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != "1" ]; then
  psql_admin -c "CREATE ROLE \"$user\" LOGIN PASSWORD '$password'"
else
  psql_admin -c "ALTER ROLE \"$user\" LOGIN PASSWORD '$password'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE \"$db\" OWNER \"$user\""
fi
PGPASSWORD="$password" psql -h 127.0.0.1 -U "$user" -d "$db" -X -q -tA -c "SELECT 1" >/dev/null
echo "postgres.sh: jdbc:postgresql://127.0.0.1:5432/$db (user $user) is ready"
