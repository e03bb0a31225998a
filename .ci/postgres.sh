#!/usr/bin/env bash
# A throw-away PostgreSQL server for the store tests: `bash .ci/postgres.sh COMMAND [ARGS...]` starts one
# (initdb + pg_ctl in a fresh temporary directory, loopback only, a free port, its socket in that
# directory), runs COMMAND with TOKENWARDEN_TEST_DATABASE_URL pointing at it, then stops the server and
# removes the directory, whatever happened. Exits with COMMAND's status.
#
#   bash .ci/postgres.sh npx vitest run test/store     # the store suite on both back ends
#
# Uses Debian's server binaries (/usr/lib/postgresql/<version>/bin); installs the `postgresql` package
# with apt-get only when none are there. PostgreSQL refuses to run as root: as root, the server runs as
# the `postgres` user (or `nobody`) and the directory is handed to that user.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash .ci/postgres.sh COMMAND [ARGS...]" >&2
  exit 2
fi

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

PGBIN="$(find_bin || true)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/pg_ctl" ]; then
  echo "== postgres: server binaries not found; installing Debian's postgresql package" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres: not root, cannot apt-get install postgresql; install it and retry" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  PGBIN="$(find_bin)"
fi

RUNAS=()
OWNER="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then OWNER=postgres; else OWNER=nobody; fi
  if command -v runuser >/dev/null 2>&1; then RUNAS=(runuser -u "$OWNER" --); else RUNAS=(su -s /bin/sh "$OWNER" -c); fi
fi
as_owner() {
  if [ "${#RUNAS[@]}" -eq 0 ]; then "$@"
  elif [ "${RUNAS[0]}" = runuser ]; then "${RUNAS[@]}" "$@"
  else "${RUNAS[@]}" "$(printf '%q ' "$@")"; fi
}

PGTMP="$(mktemp -d "${TMPDIR:-/tmp}/tokenwarden-pg.XXXXXX")"
chmod 700 "$PGTMP"
[ "$OWNER" = "$(id -un)" ] || chown "$OWNER" "$PGTMP"

cleanup() {
  local rc=$?
  if [ -f "$PGTMP/data/postmaster.pid" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGTMP"
  echo "== postgres: stopped, $PGTMP removed" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_owner "$PGBIN/initdb" -D "$PGTMP/data" -U tokenwarden --auth=trust -E UTF8 --no-locale -N >"$PGTMP/initdb.log" 2>&1 || {
  cat "$PGTMP/initdb.log" >&2
  exit 1
}

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

started=""
for _ in 1 2 3 4 5; do
  PORT="$(free_port)"
  # fsync off and friends: a test server whose data is thrown away at the end.
  if as_owner "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 2>&1; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  echo "postgres: the server did not start; its log:" >&2
  cat "$PGTMP/server.log" >&2 || true
  exit 1
fi

export TOKENWARDEN_TEST_DATABASE_URL="postgres://tokenwarden@127.0.0.1:$PORT/postgres"
echo "== postgres: $("$PGBIN/postgres" --version | sed 's/.*(PostgreSQL) //') on 127.0.0.1:$PORT (data and socket in $PGTMP, running as $OWNER)" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
