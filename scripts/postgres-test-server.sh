#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on a free loopback port (127.0.0.1 only), in a
# temporary data directory, accepting TLS connections only (a self-signed certificate made
# here), with a random password.
#
#   eval "$(bash scripts/postgres-test-server.sh start)"   # exports HYPERFRONT_TEST_POSTGRES_URL
#   bash scripts/postgres-test-server.sh stop "$HYPERFRONT_TEST_POSTGRES_DIR"
#   bash scripts/postgres-test-server.sh pause "$HYPERFRONT_TEST_POSTGRES_DIR" 10   # down 10 s, then up
#
# start installs Debian's postgresql package when it is missing (as root), runs the server as
# the postgres user when run as root (the server refuses to run as root), and prints the
# export lines: HYPERFRONT_TEST_POSTGRES_URL (database hyperfront_test, password in the URL),
# HYPERFRONT_TEST_POSTGRES_DIR (what stop removes). A second database, not_hyperfront, holds
# one unrelated table (for the tests of a database that is not a Hyperfront one).
set -euo pipefail

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
        if [ "$(id -u)" = 0 ]; then
            (apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y postgresql >/dev/null 2>&1; }) ||
                { echo "error: cannot install Debian's postgresql package" >&2; exit 1; }
        else
            echo "error: PostgreSQL is not installed (apt-get install postgresql, as root)" >&2; exit 1
        fi
    fi
    local bin dir port password
    bin="$(bindir)"
    dir="$(mktemp -d /tmp/hyperfront-pg.XXXXXX)"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    printf '%s\n' "$password" > "$dir/pw"
    openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 2 \
        -keyout "$dir/server.key" -out "$dir/server.crt" >/dev/null 2>&1
    chmod 600 "$dir/server.key"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U hyperfront --pwfile="$dir/pw" -A scram-sha-256 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
ssl = on
ssl_cert_file = '$dir/server.crt'
ssl_key_file = '$dir/server.key'
fsync = off
max_connections = 200
CONF
    # TLS or nothing over TCP: a client that does not use TLS when the server asks is refused.
    printf 'local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n' > "$dir/data/pg_hba.conf"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    PGPASSWORD="$password" as_owner "$bin/psql" -q -h "$dir" -p "$port" -U hyperfront -d postgres \
        -c "CREATE DATABASE hyperfront_test" -c "CREATE DATABASE not_hyperfront" >/dev/null
    PGPASSWORD="$password" as_owner "$bin/psql" -q -h "$dir" -p "$port" -U hyperfront -d not_hyperfront \
        -c "CREATE TABLE inventory (item TEXT PRIMARY KEY, count INTEGER)" >/dev/null
    echo "export HYPERFRONT_TEST_POSTGRES_URL='postgresql://hyperfront:$password@127.0.0.1:$port/hyperfront_test'"
    echo "export HYPERFRONT_TEST_POSTGRES_DIR='$dir'"
}

stop() {
    local dir="${1:?usage: stop DIR}"
    case "$dir" in /tmp/hyperfront-pg.*) ;; *) echo "error: $dir is not a test server's directory" >&2; exit 1 ;; esac
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

# Stops the server at once (immediate mode: what a crash or a lost host looks like to clients),
# waits SECONDS, and starts it again on the same port (for the fault measurements).
pause() {
    local dir="${1:?usage: pause DIR SECONDS}" seconds="${2:?usage: pause DIR SECONDS}"
    case "$dir" in /tmp/hyperfront-pg.*) ;; *) echo "error: $dir is not a test server's directory" >&2; exit 1 ;; esac
    as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    sleep "$seconds"
    as_owner "$(bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null
}

case "${1:-}" in
    start) start ;;
    stop) shift; stop "$@" ;;
    pause) shift; pause "$@" ;;
    *) echo "usage: $0 start | stop DIR | pause DIR SECONDS" >&2; exit 2 ;;
esac
