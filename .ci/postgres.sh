#!/usr/bin/env bash
# Sourced by .ci/run: starts a throwaway PostgreSQL server on 127.0.0.1 for the store's tests, exports
# IGOV_TEST_POSTGRES_URL, and stops the server and removes its files when the calling script exits.
# Installs PostgreSQL from Debian's packages first if the machine has none (CI runs as root).
igov_pg_port="${IGOV_PG_PORT:-55432}"
igov_pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [[ -z "$igov_pg_bin" ]]; then
  echo "Installing PostgreSQL from Debian's packages..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  igov_pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
igov_pg_dir="$(mktemp -d /tmp/igov-pg.XXXXXX)"
chown postgres: "$igov_pg_dir"
igov_as_postgres() { runuser -u postgres -- "$@"; }
igov_as_postgres "$igov_pg_bin/initdb" -D "$igov_pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
igov_as_postgres "$igov_pg_bin/pg_ctl" -D "$igov_pg_dir/data" -l "$igov_pg_dir/server.log" -w \
  -o "-p $igov_pg_port -c listen_addresses=127.0.0.1 -k $igov_pg_dir -c fsync=on" start >/dev/null
igov_stop_postgres() {
  igov_as_postgres "$igov_pg_bin/pg_ctl" -D "$igov_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$igov_pg_dir"
}
trap igov_stop_postgres EXIT
psql -q -h 127.0.0.1 -p "$igov_pg_port" -U postgres -c 'CREATE DATABASE igov_test' >/dev/null
export IGOV_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$igov_pg_port/igov_test?user=postgres"
echo "PostgreSQL $("$igov_pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$igov_pg_port"
