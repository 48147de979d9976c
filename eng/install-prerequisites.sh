#!/usr/bin/env bash
# Installs what FeatureStore needs to run without Docker, when it is missing:
#   redis-server, PostgreSQL 15 with postgresql-server-dev-15, and pgvector
#   built from Debian 13's source package against PostgreSQL 15.
# Idempotent: on a machine that already has everything it prints one line and
# exits 0 without touching apt. Needs root (or sudo) only when it installs.
#
#   --if-no-docker   do nothing when a Docker daemon answers (the AppHost then uses
#                    containers); the README's run command passes it.
set -euo pipefail

if [ "${1:-}" = "--if-no-docker" ] && command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1; then
  printf '[install-prerequisites] Docker answers: the AppHost will use containers, nothing to install\n'
  exit 0
fi

PG_MAJOR="${FEATURESTORE_PG_MAJOR:-15}"
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PG_CONFIG="${PG_BIN}/pg_config"
VECTOR_CONTROL="/usr/share/postgresql/${PG_MAJOR}/extension/vector.control"
TRIXIE_SRC_LIST="/etc/apt/sources.list.d/featurestore-trixie-src.sources"

log() { printf '[install-prerequisites] %s\n' "$*"; }

have_redis()   { command -v redis-server >/dev/null 2>&1; }
have_pg()      { [ -x "${PG_BIN}/postgres" ] && [ -x "${PG_BIN}/initdb" ]; }
have_pg_dev()  { [ -x "${PG_CONFIG}" ] && [ -f "$("${PG_CONFIG}" --includedir-server 2>/dev/null)/postgres.h" ]; }
have_vector()  { [ -f "${VECTOR_CONTROL}" ]; }

if have_redis && have_pg && have_pg_dev && have_vector; then
  log "all prerequisites present (redis-server, postgresql-${PG_MAJOR}, server-dev, pgvector)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    log "ERROR: missing prerequisites and not root; run as root or install sudo" >&2; exit 1
  fi
fi

if ! command -v apt-get >/dev/null 2>&1; then
  log "ERROR: apt-get not found: install redis-server, PostgreSQL ${PG_MAJOR} (+server-dev) and pgvector by hand, or use Docker" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

# Package installs must not start system services: the launcher starts its own
# servers on free ports, and we must not leave daemons we did not ask for.
POLICY=/usr/sbin/policy-rc.d
policy_added=0
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
  $SUDO chmod +x "$POLICY"
  policy_added=1
fi
cleanup() { if [ "$policy_added" = 1 ]; then $SUDO rm -f "$POLICY"; fi; }
trap cleanup EXIT

log "apt-get update"
$SUDO apt-get update -qq

pkgs=()
have_redis  || pkgs+=(redis-server)
have_pg     || pkgs+=("postgresql-${PG_MAJOR}" "postgresql-contrib")
have_pg_dev || pkgs+=("postgresql-server-dev-${PG_MAJOR}")
if ! have_vector; then pkgs+=(build-essential dpkg-dev); fi
if [ "${#pkgs[@]}" -gt 0 ]; then
  log "apt-get install ${pkgs[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

if ! have_vector; then
  # pgvector is not packaged for Debian 12; Debian 13's source builds against PG 15.
  if [ ! -f "$TRIXIE_SRC_LIST" ]; then
    log "adding a deb-src entry for Debian 13 (trixie) to fetch pgvector's source"
    $SUDO tee "$TRIXIE_SRC_LIST" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    $SUDO apt-get update -qq
  fi
  work="$(mktemp -d)"
  # apt downloads as the unprivileged _apt user when it can write the folder (no warning then).
  if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$work"; fi
  log "building pgvector from source in ${work}"
  (
    cd "$work"
    apt-get source -qq --download-only pgvector >/dev/null
    dpkg-source -x --no-check ./pgvector_*.dsc src >/dev/null
    cd src
    make -s PG_CONFIG="$PG_CONFIG" >/dev/null
    $SUDO make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
  )
  rm -rf "$work"
fi

for check in have_redis have_pg have_pg_dev have_vector; do
  if ! "$check"; then log "ERROR: ${check#have_} still missing after install" >&2; exit 1; fi
done
log "prerequisites installed"
