#!/usr/bin/env bash
# The whole benchmark in one command, on loopback only, bounded in time, cleaning up after itself:
#
#   bench/run.sh                                   # full size (see the knobs below)
#   CONNECTIONS=500 TENANTS=10 RATE=50 DURATION=10 INGEST_COUNT=2000 bench/run.sh   # a small run
#
# It builds the application (./mvnw package + liberty:create of a server of its own) and the load
# tool (bench/pom.xml), installs nginx + Nchan from Debian if missing, starts PostgreSQL, RabbitMQ
# and Redis if one is down, starts the application (Liberty, port 29080) against them in isolated
# namespaces (database `bench`, vhost `bench`, tenants bench-t000...), runs idle, fanout and ingest,
# stops the application, starts nginx+Nchan (port 29090) for peer-idle and peer, stops it, and
# prints a Markdown table. Results: bench/results/<UTC timestamp>/*.json, summary.txt, logs/.
# bench/README.md says what each scenario measures and how.
#
# Knobs (environment):
#   SCENARIOS          idle fanout ingest peer-idle peer   which to run (always in this order);
#                              also `deliveries` (opt-in, after ingest: email notifications to a
#                              local SMTP sink; no Nchan counterpart), e.g. SCENARIOS=deliveries
#   CONNECTIONS        15000   idle and peer-idle streams (IDLE_CONNECTIONS); see the note on 20,000
#   FANOUT_CONNECTIONS 10000   fanout and peer streams (10,000 x 100 alerts/s over 100 tenants is
#                              the calibration point of shared/PLATFORM-NOTES.md)
#   TENANTS            100     tenants the streams are spread over (fanout/peer: FANOUT_TENANTS)
#   RATE, DURATION     100, 60 fanout and peer: alerts/s and seconds of publishing
#   INGEST_COUNT       100000  ingest: alerts published as fast as RabbitMQ confirms them
#   INGEST_MAX         1200    ingest: seconds it may take at most (it also stops after 60 s stalled)
#   DELIVERIES_COUNT   1000    deliveries: alerts published, one email each (over TENANTS tenants)
#   DELIVERIES_WARMUP  200     deliveries: throw-away alerts (and emails) first
#   SMTP_SINK_PORT     29025   deliveries: the load tool's SMTP sink (the server's SMTP_PORT)
#   BENCH_HTTP_PORT    29080   the application's HTTP port (BENCH_HTTPS_PORT 29443)
#   HOLD               20      idle: seconds the streams are held (> heartbeat, so each gets one)
#   WARMUP             15      fanout and peer: seconds of throw-away alerts first (JIT compilation)
#   SERVER_HEAP        2g      the Liberty JVM's -Xmx      SERVER_JVM_OPTIONS  more JVM options
#   SERVER_ENV         ""      more server.env lines, space-separated (e.g. "RABBITMQ_CONCURRENCY=4 DB_POOL_MAX=40")
#   HEARTBEAT          15      HEARTBEAT_INTERVAL_SECONDS of the server
#   PER_CLIENT_PROCESS 15000   streams per load-client process; WORKER_HEAP 768m each
#   TIME_LIMIT         3600    seconds before everything is stopped, whatever the state
#   SKIP_BUILD         0       1: reuse target/ and bench/target/ as they are
#   RESULTS            bench/results
#
# 20,000 streams: the open-files limit here is 20,000 (hard) per process, so one server process
# holds at most about 19,500 sockets; the load client forks a process per PER_CLIENT_PROCESS
# streams, but the application cannot go past that limit. Hence the default of 15,000.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

: "${SCENARIOS:=idle fanout ingest peer-idle peer}"
: "${CONNECTIONS:=15000}"
: "${TENANTS:=100}"
: "${RATE:=100}"
: "${DURATION:=60}"
: "${INGEST_COUNT:=100000}"
: "${INGEST_MAX:=1200}"
: "${HOLD:=20}"
: "${WARMUP:=15}"
: "${IDLE_CONNECTIONS:=$CONNECTIONS}"
: "${FANOUT_CONNECTIONS:=10000}"
: "${FANOUT_TENANTS:=$TENANTS}"
: "${SERVER_HEAP:=2g}"
: "${SERVER_JVM_OPTIONS:=}"
: "${SERVER_ENV:=}"
: "${HEARTBEAT:=15}"
: "${PER_CLIENT_PROCESS:=15000}"
: "${WORKER_HEAP:=768m}"
: "${TIME_LIMIT:=3600}"
: "${SKIP_BUILD:=0}"
: "${RESULTS:=$HERE/results}"
HTTP_PORT=${BENCH_HTTP_PORT:-29080}
HTTPS_PORT=${BENCH_HTTPS_PORT:-29443}
: "${DELIVERIES_COUNT:=1000}"
: "${DELIVERIES_WARMUP:=200}"
: "${SMTP_SINK_PORT:=29025}"
NCHAN_PORT=29090
SERVER_NAME=bakery-alerts-bench
ISSUER=https://bench.local
DB_NAME=bench
VHOST=bench

# --- One bound on everything: re-run this script under timeout(1). On expiry timeout signals its
# whole process group (this script, the load tool, the servers it started), the trap below stops
# what is left, and 60 s later anything still alive is killed.
if [ -z "${BENCH_UNDER_TIMEOUT:-}" ]; then
  export BENCH_UNDER_TIMEOUT=1
  exec timeout --kill-after=60 "$TIME_LIMIT" bash "$0" "$@"
fi

log() { printf '%s bench: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

LOAD_AT_START=$(cat /proc/loadavg)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN="$RESULTS/$STAMP"
WORK=$(mktemp -d /tmp/bench-run.XXXXXX)
mkdir -p "$RUN/logs"
log "results in $RUN (scratch $WORK)"

WLP="$ROOT/target/liberty/wlp"
SERVER_DIR="$WLP/usr/servers/$SERVER_NAME"
LIBERTY_PID=""
NGINX_PID=""
STARTED_SERVICES=()
CHILD=""

# --- Cleanup: everything this script started, and only that. ---
LIBERTY_STARTED=0
NGINX_STARTED=0
stop_liberty() {
  [ "$LIBERTY_STARTED" = 1 ] || return 0
  local pidfile="$WLP/usr/servers/.pid/$SERVER_NAME.pid"
  if [ -z "$LIBERTY_PID" ] && [ -s "$pidfile" ]; then LIBERTY_PID=$(cat "$pidfile"); fi
  log "stopping the application server${LIBERTY_PID:+ (pid $LIBERTY_PID)}"
  timeout 60 "$WLP/bin/server" stop "$SERVER_NAME" >>"$WORK/liberty-stop.log" 2>&1 || true
  if [ -n "$LIBERTY_PID" ]; then
    for _ in $(seq 20); do kill -0 "$LIBERTY_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$LIBERTY_PID" 2>/dev/null || true
  fi
  LIBERTY_PID=""
  LIBERTY_STARTED=0
}
stop_nginx() {
  [ "$NGINX_STARTED" = 1 ] || return 0
  if [ -z "$NGINX_PID" ] && [ -s "$WORK/nchan/nginx.pid" ]; then NGINX_PID=$(cat "$WORK/nchan/nginx.pid"); fi
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    log "stopping nginx (pid $NGINX_PID)"
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    for _ in $(seq 15); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$NGINX_PID" 2>/dev/null || true
  fi
  NGINX_PID=""
  NGINX_STARTED=0
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$CHILD" ] && kill -0 "$CHILD" 2>/dev/null; then kill -TERM "$CHILD" 2>/dev/null || true; fi
  stop_nginx
  stop_liberty
  for s in "${STARTED_SERVICES[@]}"; do
    log "stopping $s (this run started it)"
    case "$s" in
      postgresql) $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main stop || true ;;
      rabbitmq) $SUDO rabbitmqctl stop >/dev/null 2>&1 || true ;;
      redis) redis-cli -h 127.0.0.1 -p 6379 shutdown nosave >/dev/null 2>&1 || true ;;
    esac
  done
  if [ -d "$SERVER_DIR/logs" ]; then cp "$SERVER_DIR/logs/messages.log" "$RUN/logs/liberty-messages.log" 2>/dev/null || true; fi
  cp "$WORK"/*.log "$RUN/logs/" 2>/dev/null || true
  if [ -f "$WORK/nchan/logs/error.log" ]; then cp "$WORK/nchan/logs/error.log" "$RUN/logs/nginx-error.log"; fi
  rm -rf "$WORK"
  if [ "$rc" -ne 0 ]; then log "ended with status $rc; logs in $RUN/logs"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# Runs a command in the background and waits for it, so that a signal reaches the trap at once.
run() { "$@" & CHILD=$!; wait "$CHILD"; local rc=$?; CHILD=""; return $rc; }

retry() { # retry N command...: for services that another test suite may be restarting
  local n=$1; shift
  for i in $(seq "$n"); do "$@" && return 0; sleep 3; done
  return 1
}

FAILED=()
scenario() { # scenario NAME command...: a failing scenario is reported, the others still run
  local name=$1; shift
  if ! "$@"; then log "scenario $name FAILED"; FAILED+=("$name"); fi
}

wants() { [[ " $SCENARIOS " == *" $1 "* ]]; }
NEEDS_APP=0
for s in idle fanout ingest deliveries; do if wants "$s"; then NEEDS_APP=1; fi; done

# --- Open files: as many as the hard limit allows (20,000 here). ---
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "open files: $(ulimit -n); ephemeral ports: $(tr '\t' '-' </proc/sys/net/ipv4/ip_local_port_range)"
if [ "$CONNECTIONS" -gt 19000 ]; then
  log "NOTE: $CONNECTIONS streams: one server process holds at most ~19,500 sockets here (ulimit -Hn $(ulimit -Hn))"
fi

# --- The peer: nginx and Debian's Nchan module. ---
NCHAN_SO=""
find_nchan() {
  for d in /usr/lib/nginx/modules /usr/share/nginx/modules; do
    if [ -f "$d/ngx_nchan_module.so" ]; then NCHAN_SO="$d/ngx_nchan_module.so"; return 0; fi
  done
  return 1
}
NEEDS_PEER=0
if wants peer || wants peer-idle; then NEEDS_PEER=1; fi
if [ "$NEEDS_PEER" = 1 ]; then
  if ! command -v nginx >/dev/null || ! find_nchan; then
    log "installing nginx and libnginx-mod-nchan (apt-get)"
    # Debian's postinst would start a system nginx on port 80: keep it from starting any service.
    POLICY_CREATED=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
      $SUDO chmod +x /usr/sbin/policy-rc.d
      POLICY_CREATED=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    run $SUDO apt-get update -q >"$WORK/apt.log" 2>&1 || true
    run $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 \
      nginx libnginx-mod-nchan >>"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log" >&2; die "apt-get install failed"; }
    if [ "$POLICY_CREATED" = 1 ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
    find_nchan || die "ngx_nchan_module.so not found after installing libnginx-mod-nchan"
  fi
fi

# --- Services the application needs: start any that is down, with the machine's own commands.
# Another test suite may stop and start them for a few seconds, so wait a little before deciding.
service_up() {
  case "$1" in
    postgresql) pg_isready -h 127.0.0.1 -p 5432 -q ;;
    rabbitmq) $SUDO rabbitmqctl await_startup --timeout 5 >/dev/null 2>&1 ;;
    redis) redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 ;;
  esac
}
ensure_service() {
  local s=$1
  for _ in $(seq 10); do service_up "$s" && return 0; sleep 2; done
  log "$s is down: starting it"
  case "$s" in
    postgresql) $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start ;;
    rabbitmq) $SUDO rabbitmq-server -detached || true ;;
    redis) redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
             --dir /var/lib/redis --logfile /var/log/redis/ci.log ;;
  esac
  STARTED_SERVICES+=("$s")
  for _ in $(seq 60); do service_up "$s" && return 0; sleep 2; done
  die "$s did not come up"
}
if [ "$NEEDS_APP" = 1 ]; then
  for s in postgresql rabbitmq redis; do ensure_service "$s"; done
fi

# --- Builds. ---
if [ "$SKIP_BUILD" != 1 ]; then
  if [ "$NEEDS_APP" = 1 ]; then
    log "building the application and a Liberty server of its own ($SERVER_NAME)"
    # package builds the WAR and the RabbitMQ resource adapter; liberty:create lays out Open
    # Liberty under target/liberty/wlp with the server's configuration and JDBC drivers.
    run "$ROOT/mvnw" -B -ntp -f "$ROOT/pom.xml" -DskipTests package liberty:create \
      "-Dliberty.server.name=$SERVER_NAME" >"$WORK/build-app.log" 2>&1 \
      || { tail -40 "$WORK/build-app.log" >&2; die "application build failed"; }
  fi
  log "building the load tool (bench/pom.xml)"
  run "$ROOT/mvnw" -B -ntp -f "$HERE/pom.xml" package >"$WORK/build-bench.log" 2>&1 \
    || { tail -40 "$WORK/build-bench.log" >&2; die "load tool build failed"; }
fi
CP="$HERE/target/bench.jar:$HERE/target/lib/*"
[ -f "$HERE/target/bench.jar" ] || die "bench/target/bench.jar missing (run without SKIP_BUILD=1)"
bench() { run java -Xms64m -Xmx256m -XX:+UseParallelGC -cp "$CP" com.bakeryia.bench.Bench "$@"; }
COMMON=(--tenant-prefix bench-t --per-worker "$PER_CLIENT_PROCESS" --worker-heap "$WORKER_HEAP")

bench machine --out "$RUN/machine.json" --phase before --loadavg-at-start "$LOAD_AT_START"

# --- The application, on Liberty, against PostgreSQL `bench`, vhost `bench`, Redis. ---
start_liberty() {
  [ -x "$WLP/bin/server" ] || die "no Liberty under $WLP (run without SKIP_BUILD=1)"
  [ -f "$ROOT/target/bakery-alerts.war" ] || die "no target/bakery-alerts.war"
  # A server of this name left running by an interrupted run: stop it first.
  timeout 60 "$WLP/bin/server" stop "$SERVER_NAME" >/dev/null 2>&1 || true
  if (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null; then die "port $HTTP_PORT is in use"; fi
  if wants deliveries && (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_SINK_PORT") 2>/dev/null; then
    die "port $SMTP_SINK_PORT (SMTP_SINK_PORT) is in use"
  fi

  log "isolated state: database $DB_NAME and vhost $VHOST, recreated empty"
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB_NAME"
  createdb -h 127.0.0.1 -U postgres "$DB_NAME"
  if $SUDO rabbitmqctl -q list_vhosts 2>/dev/null | grep -qx "$VHOST"; then
    retry 5 $SUDO rabbitmqctl -q delete_vhost "$VHOST" >/dev/null || die "cannot delete vhost $VHOST"
  fi
  retry 5 $SUDO rabbitmqctl -q add_vhost "$VHOST" >/dev/null || die "cannot create vhost $VHOST"
  retry 5 $SUDO rabbitmqctl -q set_permissions -p "$VHOST" guest ".*" ".*" ".*" >/dev/null \
    || die "cannot set permissions on vhost $VHOST"

  bench keygen --dir "$WORK/keys"
  mkdir -p "$SERVER_DIR/apps" "$WLP/usr/shared/resources/rabbitmq"
  cp "$ROOT/target/bakery-alerts.war" "$SERVER_DIR/apps/"
  cp "$ROOT/target/rabbitmq-ra.rar" "$WLP/usr/shared/resources/rabbitmq/"
  cat >"$SERVER_DIR/server.env" <<EOF
HTTP_PORT=$HTTP_PORT
HTTPS_PORT=$HTTPS_PORT
DB_KIND=postgres
DB_HOST=127.0.0.1
DB_PORT=5432
DB_NAME=$DB_NAME
DB_USER=postgres
MESSAGING=rabbitmq
RABBITMQ_HOST=127.0.0.1
RABBITMQ_PORT=5672
RABBITMQ_VHOST=$VHOST
RABBITMQ_USER=guest
RABBITMQ_PASSWORD=guest
REDIS_URL=redis://127.0.0.1:6379
MP_JWT_VERIFY_PUBLICKEY=$(cat "$WORK/keys/bench-public.b64")
MP_JWT_VERIFY_ISSUER=$ISSUER
HEARTBEAT_INTERVAL_SECONDS=$HEARTBEAT
STREAMS_PER_USER_MAX=1000000
STREAMS_PER_TENANT_MAX=1000000
EOF
  if wants deliveries; then
    # Email to the load tool's SMTP sink (plain SMTP on loopback, no login); only the deliveries
    # scenario gives tenants recipients, so the other scenarios send no email.
    cat >>"$SERVER_DIR/server.env" <<EOF
SMTP_HOST=127.0.0.1
SMTP_PORT=$SMTP_SINK_PORT
SMTP_TLS=none
MAIL_FROM=bench@bench.local
EOF
  fi
  for kv in $SERVER_ENV; do echo "$kv" >>"$SERVER_DIR/server.env"; done
  {
    echo "-Xmx$SERVER_HEAP"
    for o in $SERVER_JVM_OPTIONS; do echo "$o"; done
  } >"$SERVER_DIR/jvm.options"
  rm -f "$SERVER_DIR/logs/messages.log"
  log "starting the application (Liberty $SERVER_NAME, port $HTTP_PORT, -Xmx$SERVER_HEAP)"
  LIBERTY_STARTED=1
  run timeout 240 "$WLP/bin/server" start "$SERVER_NAME" --clean >"$WORK/liberty-start.log" 2>&1 \
    || { cat "$WORK/liberty-start.log" >&2; die "Liberty did not start"; }
  LIBERTY_PID=$(cat "$WLP/usr/servers/.pid/$SERVER_NAME.pid")
  local code=""
  for _ in $(seq 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/health/ready" || true)
    [ "$code" = 200 ] && break
    sleep 2
  done
  if [ "$code" != 200 ]; then
    tail -40 "$SERVER_DIR/logs/messages.log" >&2 || true
    die "the application is not ready (last /health/ready: $code)"
  fi
  log "application ready (pid $LIBERTY_PID)"
  # What the server ran with, for the results (the public key left out: it is noise).
  grep -v '^MP_JWT_VERIFY_PUBLICKEY=' "$SERVER_DIR/server.env" >"$RUN/server.env"
  cp "$SERVER_DIR/jvm.options" "$RUN/jvm.options"
}

# --- nginx + Nchan with a private prefix under the scratch folder. ---
start_nginx() {
  find_nchan || die "Nchan module not found"
  local p="$WORK/nchan"
  mkdir -p "$p/logs" "$p/tmp"
  if (exec 3<>"/dev/tcp/127.0.0.1/$NCHAN_PORT") 2>/dev/null; then die "port $NCHAN_PORT is in use"; fi
  cat >"$p/nginx.conf" <<EOF
load_module $NCHAN_SO;
worker_processes $(nproc);
worker_rlimit_nofile 19500;
pid $p/nginx.pid;
error_log $p/logs/error.log warn;
events { worker_connections 19000; multi_accept on; }
http {
  access_log off;
  client_body_temp_path $p/tmp/body;
  proxy_temp_path $p/tmp/proxy;
  fastcgi_temp_path $p/tmp/fastcgi;
  uwsgi_temp_path $p/tmp/uwsgi;
  scgi_temp_path $p/tmp/scgi;
  keepalive_requests 1000000;
  keepalive_timeout 600s;
  server {
    listen 127.0.0.1:$NCHAN_PORT reuseport backlog=4096;
    # EventSource subscribers, one channel per tenant; no replay of older messages.
    location ~ ^/sub/([A-Za-z0-9_-]+)\$ {
      nchan_subscriber eventsource;
      nchan_channel_id \$1;
      nchan_subscriber_first_message newest;
    }
    # HTTP publisher: POST the alert JSON to its tenant's channel.
    location ~ ^/pub/([A-Za-z0-9_-]+)\$ {
      nchan_publisher;
      nchan_channel_id \$1;
      nchan_message_buffer_length 16;
      nchan_message_timeout 60s;
    }
  }
}
EOF
  nginx -t -q -p "$p" -c "$p/nginx.conf" 2>"$WORK/nginx-test.log" || { cat "$WORK/nginx-test.log" >&2; die "nginx.conf invalid"; }
  NGINX_STARTED=1
  nginx -p "$p" -c "$p/nginx.conf"
  for _ in $(seq 20); do [ -s "$p/nginx.pid" ] && break; sleep 0.5; done
  NGINX_PID=$(cat "$p/nginx.pid")
  log "nginx + Nchan ready on port $NCHAN_PORT (master pid $NGINX_PID)"
}

LIB=(--target liberty --port "$HTTP_PORT" --keys "$WORK/keys" --issuer "$ISSUER" --amqp-vhost "$VHOST"
     --db-url "jdbc:postgresql://127.0.0.1:5432/$DB_NAME")

if [ "$NEEDS_APP" = 1 ]; then
  start_liberty
  LIB+=(--pid "$LIBERTY_PID")
  if wants idle; then
    log "scenario idle: $IDLE_CONNECTIONS streams over $TENANTS tenants, held $HOLD s"
    scenario idle bench idle "${LIB[@]}" "${COMMON[@]}" --connections "$IDLE_CONNECTIONS" --tenants "$TENANTS" \
      --hold-s "$HOLD" --reclaim-wait-s $((HEARTBEAT * 2 + 10)) --out "$RUN/idle.json"
  fi
  if wants fanout; then
    log "scenario fanout: $FANOUT_CONNECTIONS streams over $FANOUT_TENANTS tenants, $RATE alerts/s for $DURATION s"
    scenario fanout bench fanout "${LIB[@]}" "${COMMON[@]}" --connections "$FANOUT_CONNECTIONS" --tenants "$FANOUT_TENANTS" \
      --rate "$RATE" --duration-s "$DURATION" --warmup-s "$WARMUP" --drain-wait-s $((HEARTBEAT * 2 + 10)) \
      --out "$RUN/fanout.json"
  fi
  if wants ingest; then
    log "scenario ingest: $INGEST_COUNT alerts as fast as RabbitMQ takes them"
    scenario ingest bench ingest "${LIB[@]}" "${COMMON[@]}" --count "$INGEST_COUNT" --tenants "$TENANTS" --max-s "$INGEST_MAX" \
      --drain-wait-s $((HEARTBEAT * 2 + 10)) --out "$RUN/ingest.json"
  fi
  if wants deliveries; then
    log "scenario deliveries: $DELIVERIES_COUNT alerts over $TENANTS tenants, one email each to the SMTP sink on port $SMTP_SINK_PORT"
    scenario deliveries bench deliveries "${LIB[@]}" "${COMMON[@]}" --count "$DELIVERIES_COUNT" --tenants "$TENANTS" \
      --warmup-alerts "$DELIVERIES_WARMUP" --smtp-port "$SMTP_SINK_PORT" --out "$RUN/deliveries.json"
  fi
  stop_liberty
fi

# A fresh nginx for each peer scenario, as the application is fresh for idle: memory freed by
# closed streams is reused, so a second scenario on the same server would see no growth.
if wants peer-idle; then
  start_nginx
  cp "$WORK/nchan/nginx.conf" "$RUN/nginx.conf"
  log "scenario peer-idle: $IDLE_CONNECTIONS streams held by nginx + Nchan"
  scenario peer-idle bench peer-idle --port "$NCHAN_PORT" --pid "$NGINX_PID" "${COMMON[@]}" \
    --connections "$IDLE_CONNECTIONS" --tenants "$TENANTS" --hold-s "$HOLD" --out "$RUN/peer-idle.json"
  stop_nginx
fi
if wants peer; then
  start_nginx
  cp "$WORK/nchan/nginx.conf" "$RUN/nginx.conf"
  log "scenario peer: the fanout workload against nginx + Nchan"
  scenario peer bench peer --port "$NCHAN_PORT" --pid "$NGINX_PID" "${COMMON[@]}" --connections "$FANOUT_CONNECTIONS" \
    --tenants "$FANOUT_TENANTS" --rate "$RATE" --duration-s "$DURATION" --warmup-s "$WARMUP" --compare "$RUN/fanout.json" \
    --out "$RUN/peer.json"
fi
stop_nginx

bench machine --out "$RUN/machine.json" --phase after
echo
bench report --dir "$RUN"
if [ "${#FAILED[@]}" -gt 0 ]; then die "failed scenarios: ${FAILED[*]}"; fi
