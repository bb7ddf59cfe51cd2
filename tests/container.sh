#!/usr/bin/env bash
# The container test: docker-compose.yml and the Dockerfile, on this machine's Docker Engine, the
# way an operator runs them. No image can be pulled here, so it first makes its base image from
# Debian's packages (debootstrap, then `docker import`), and builds the Dockerfile's `prebuilt`
# target, which copies the binaries built on the host (the `runtime` target would compile them in
# a builder stage, which needs a Rust toolchain image).
#
# Then: the stack up and both healthchecks passing; the seeds loaded with the compose `loader`;
# queries through the published ports (grpcurl, the example Python backend, /metrics); the stack
# down and up again with its volumes; the ingest container stopped while the query container
# keeps answering and catches up when it is back; the replication network cut and restored (the
# same check); everything removed at the end, on success or failure.
#
# Needs root (debootstrap), Docker with docker-compose or `docker compose`, and what
# requirements-dev.txt installs (grpcurl, grpcio). Environment, all optional:
#   HOPTAC_TEST_DEBIAN_MIRROR  where debootstrap fetches from   (http://deb.debian.org/debian)
#   HOPTAC_TEST_BASE_IMAGE     a base image to use instead of making one
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n--- %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

if docker compose version >/dev/null 2>&1; then
  compose() { docker compose "$@"; }
elif command -v docker-compose >/dev/null; then
  compose() { docker-compose "$@"; }
else
  fail "neither \`docker compose\` nor docker-compose is installed"
fi

project="hoptac-ct-$$"
work=$(mktemp -d)
made_base=""
export COMPOSE_PROJECT_NAME="$project"
export HOPTAC_IMAGE="$project:latest"
export HOPTAC_BUILD_TARGET=prebuilt
# Port 0: Docker picks free host ports; `compose port` tells which.
export HOPTAC_INGEST_PUBLISH=127.0.0.1:0 HOPTAC_QUERY_PUBLISH=127.0.0.1:0
export HOPTAC_INGEST_METRICS_PUBLISH=127.0.0.1:0 HOPTAC_QUERY_METRICS_PUBLISH=127.0.0.1:0

cleanup() {
  status=$?
  if [ "$status" != 0 ]; then
    echo "--- logs of the failed run"
    compose logs --no-color --tail 40 2>/dev/null || true
  fi
  compose --profile loader down --volumes --rmi all --remove-orphans >/dev/null 2>&1 || true
  [ -n "$made_base" ] && docker rmi "$made_base" >/dev/null 2>&1
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

step "base image"
if [ -n "${HOPTAC_TEST_BASE_IMAGE:-}" ]; then
  base="$HOPTAC_TEST_BASE_IMAGE"
else
  base="$project-base:bookworm"
  command -v debootstrap >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  }
  debootstrap --variant=minbase bookworm "$work/rootfs" \
    "${HOPTAC_TEST_DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; fail "debootstrap failed"; }
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
  tar -C "$work/rootfs" -c . | docker import - "$base" >/dev/null
  made_base="$base"
fi
export HOPTAC_RUNTIME_IMAGE="$base" HOPTAC_BUILDER_IMAGE="$base"
echo "runtime base: $base"

step "binaries, image, stack up"
cargo build --release --locked
compose build >/dev/null
compose up -d ingest query

# Waits until SERVICE's container reports healthy (its healthcheck runs the binary's own
# `healthcheck` subcommand).
wait_healthy() {
  local service=$1 id state deadline=$((SECONDS + 120))
  id=$(compose ps -q "$service")
  while :; do
    state=$(docker inspect -f '{{.State.Health.Status}}' "$id")
    [ "$state" = healthy ] && return 0
    [ "$SECONDS" -lt "$deadline" ] || fail "$service is $state after 120 s"
    sleep 1
  done
}

# Reads the host ports compose published (they change when a container restarts).
read_ports() {
  ingest_addr=$(compose port ingest 50051)
  query_addr=$(compose port query 50052)
  query_metrics=$(compose port query 9100)
  ingest_metrics=$(compose port ingest 9100)
}

# grpcurl against the stack; prints the JSON answer.
call() {
  local addr=$1 method=$2 body=${3:-'{}'}
  grpcurl -plaintext -max-time 10 -d "$body" "$addr" "$method"
}

# One field of a JSON answer (uint64 fields come as strings; absent means 0).
field() { python3 -c 'import json,sys; print(int(json.load(sys.stdin).get(sys.argv[1], 0)))' "$1"; }

# Waits until the replica has applied sequence N.
wait_applied() {
  local want=$1 applied deadline=$((SECONDS + 120))
  while :; do
    applied=$(call "$query_addr" hoptac.v1.QueryService/GetReplicationStatus | field appliedSequence)
    [ "$applied" -ge "$want" ] && return 0
    [ "$SECONDS" -lt "$deadline" ] || fail "the replica is at $applied, not $want, after 120 s"
    sleep 1
  done
}

agreements() { call "$query_addr" hoptac.v1.QueryService/GetStats | field agreements; }

# A new article, different each time, ingested through the published port; prints its sequence.
# Each reports another signing (the 1st of month N), so it is a new event, not a second report
# of the last one: reports a day apart may be one signing.
ingest_new() {
  local n=$1
  call "$ingest_addr" hoptac.v1.IngestService/IngestArticle "{\"article\": {\"url\": \"https://example.vn/ct-$n\", \"text\": \"Ngày 1/$n/2025, UBND tỉnh Bắc Ninh và Chính quyền tỉnh Gunma (Nhật Bản) đã ký kết biên bản ghi nhớ hợp tác trong lĩnh vực giáo dục.\"}}" \
    | field sequence
}

wait_healthy ingest
wait_healthy query
read_ports
echo "ingest on $ingest_addr, query on $query_addr"
[ "$(docker inspect -f '{{.Config.User}}' "$(compose ps -q ingest)")" = hoptac ] \
  || fail "the services must run as the non-root user"

step "load the seeds with the loader"
loaded=$(compose --profile loader run --rm loader)
echo "$loaded"
grep -q "5 articles: 5 new, 0 duplicates, 0 rejected" <<<"$loaded" || fail "the seeds did not load"
wait_applied 5
seeded=$(agreements)
[ "$seeded" -gt 0 ] || fail "no agreements after loading the seeds"
echo "the replica serves $seeded agreements"

step "query through the published ports"
call "$query_addr" hoptac.v1.QueryService/StreamAgreements '{"filter": {"places": ["ha noi", "JP"]}}' > "$work/stream.json"
grep -q '"AGREEMENT_STATUS_SIGNED"' "$work/stream.json" || fail "StreamAgreements gave no signed agreement"
python3 examples/python/hoptac_backend.py --query "$query_addr" --place JP > "$work/backend.txt"
grep -c '^agreement ' "$work/backend.txt" >/dev/null || fail "the Python backend printed no agreement"
grep -q '^visits page 1: ' "$work/backend.txt" || fail "the Python backend paged no visits"
python3 - "$ingest_metrics" "$query_metrics" <<'PY' || fail "the metrics endpoints do not say what happened"
import sys, urllib.request
ingest = urllib.request.urlopen(f"http://{sys.argv[1]}/metrics", timeout=10).read().decode()
query = urllib.request.urlopen(f"http://{sys.argv[2]}/metrics", timeout=10).read().decode()
assert 'hoptac_ingest_articles_total{outcome="new"} 5' in ingest, ingest
assert "hoptac_query_applied_sequence 5" in query, query
PY

step "down and up again: the volumes keep the records"
compose down
compose up -d ingest query
wait_healthy ingest
wait_healthy query
read_ports
[ "$(agreements)" = "$seeded" ] || fail "the replica lost records across a restart"
again=$(compose --profile loader run --rm loader)
grep -q "5 articles: 0 new, 5 duplicates, 0 rejected" <<<"$again" || fail "ingest forgot its articles: $again"

step "ingest stopped: the query container keeps answering, then catches up"
compose stop ingest
[ "$(agreements)" = "$seeded" ] || fail "the replica stopped answering without ingest"
compose start ingest
wait_healthy ingest
read_ports
sequence=$(ingest_new 11)
[ "$sequence" = 6 ] || fail "the new article got sequence $sequence, not 6"
wait_applied 6
[ "$(agreements)" -gt "$seeded" ] || fail "the replica did not catch up after ingest came back"

step "replication network cut: the query container keeps answering, then catches up"
query_id=$(compose ps -q query)
network="$(docker inspect -f '{{range $name, $_ := .NetworkSettings.Networks}}{{println $name}}{{end}}' "$query_id" | grep '_replication$')"
before=$(agreements)
docker network disconnect "$network" "$query_id"
sequence=$(ingest_new 12)
[ "$sequence" = 7 ] || fail "the new article got sequence $sequence, not 7"
[ "$(agreements)" = "$before" ] || fail "the replica answered differently while cut off"
docker network connect "$network" "$query_id"
wait_applied 7
[ "$(agreements)" -gt "$before" ] || fail "the replica did not catch up after the network came back"

step "the README's grpcurl calls, as printed, against the published ports"
# Each call of README's "Exploring with grpcurl" section, with localhost's ports swapped for the
# ones Docker published; the two that stream until stopped get a deadline.
python3 - README.md "$ingest_addr" "$query_addr" > "$work/readme-calls.sh" <<'PY'
import re, sys
readme, ingest, query = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
section = readme.split("## Exploring with grpcurl", 1)[1].split("\n## ", 1)[0]
for block in re.findall(r"```sh\n(.*?)```", section, re.S):
    for call in block.replace("\\\n", " ").splitlines():
        if call.startswith("grpcurl "):
            call = call.replace("localhost:50051", ingest).replace("localhost:50052", query)
            print(call.replace("grpcurl ", "grpcurl -max-time 5 ", 1))
PY
[ "$(wc -l < "$work/readme-calls.sh")" -ge 10 ] || fail "README's grpcurl section was not found"
while IFS= read -r readme_call; do
  if ! out=$(eval "$readme_call" 2>&1); then
    case "$readme_call" in
      # These stream until stopped: the deadline is how they end here.
      *StreamChanges*|*WatchRecords*) grep -q DeadlineExceeded <<<"$out" && continue ;;
    esac
    fail "README call failed: $readme_call
$out"
  fi
done < "$work/readme-calls.sh"
echo "$(wc -l < "$work/readme-calls.sh") calls answered"

step "container test passed"
