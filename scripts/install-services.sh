#!/bin/sh
# Installs Debian's Redis and PostgreSQL servers for the tests of several server processes
# (tests/int/multi-process.test.ts, codes-redis, the PostgreSQL store contract) and for
# `npm run load -- --processes N`. The tests start their own throwaway servers from these
# packages on free ports (tests/helpers/services.ts): nothing here is configured or started,
# and a machine's own Redis or PostgreSQL is never touched.
# The game itself needs neither: `npm start` keeps its records in a SQLite file.
set -eu

have_redis() { command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]; }
have_postgres() {
  command -v initdb >/dev/null 2>&1 && return 0
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && return 0
  done
  return 1
}
# PostgreSQL refuses to run as root: as root the tests run it as Debian's `postgres` user.
have_postgres_user() { [ "$(id -u)" -ne 0 ] || id -u postgres >/dev/null 2>&1; }

if have_redis && have_postgres && have_postgres_user; then
  echo "Redis found: $(redis-server --version 2>/dev/null | head -n 1)"
  echo "PostgreSQL found: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tr '\n' ' ')$(command -v initdb 2>/dev/null || true)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Redis or PostgreSQL is missing and this script is not running as root." >&2
  echo "Ask an administrator to run: apt-get update && apt-get install -y redis-server postgresql" >&2
  exit 1
fi

echo "Installing Debian's redis-server and postgresql (the tests start their own servers)..."
export DEBIAN_FRONTEND=noninteractive
# Keep the packages from starting the machine-wide services: the tests do not use them.
# (policy-rc.d is Debian's switch for this; one that already exists is left alone.)
own_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  own_policy=1
fi
cleanup() { if [ -n "$own_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT
apt-get update
apt-get install -y --no-install-recommends redis-server postgresql
echo "Redis: $(redis-server --version | head -n 1)"
echo "PostgreSQL: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
