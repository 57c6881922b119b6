#!/usr/bin/env bash
# Node smoke check (README: "npm run build && node dist/main.js runs the same code on Node ≥ 20"): builds with tsc,
# starts a fresh SecantusDB and redis-server on free ports, runs `node dist/main.js` (ROLE=all), waits for
# GET /health/ready → 200 (60 s), sends SIGTERM and requires exit code 0 within 20 s.
# Prints the app's log on failure. Usage: bash scripts/ci/node-smoke.sh [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

READY_TIMEOUT_S=60
STOP_TIMEOUT_S=20
BUN="node_modules/.bin/bun"
[ -x "$BUN" ] || BUN="npx --no-install bun"

work="$(mktemp -d)"
services_pid=""
app_pid=""
cleanup() {
  local status=$?
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill -KILL "$app_pid" 2>/dev/null || true; fi
  if [ -n "$services_pid" ] && kill -0 "$services_pid" 2>/dev/null; then
    kill -TERM "$services_pid" 2>/dev/null || true
    wait "$services_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
fail() {
  echo "node-smoke: FAILED: $*" >&2
  if [ -s "$work/app.log" ]; then
    echo "---- node dist/main.js log (last 200 lines) ----" >&2
    tail -n 200 "$work/app.log" >&2
    echo "----" >&2
  fi
  exit 1
}

if [ "${1:-}" != "--no-build" ]; then
  echo "node-smoke: npm run build"
  npm run --silent build
fi
[ -f dist/main.js ] || fail "dist/main.js missing after the build"

echo "node-smoke: starting SecantusDB and redis-server"
$BUN --no-orphans scripts/ci/start-services.ts --mongo --redis --env-file "$work/services.env" &
services_pid=$!
for _ in $(seq 1 300); do
  [ -f "$work/services.env" ] && break
  kill -0 "$services_pid" 2>/dev/null || fail "the services did not start (see above)"
  sleep 0.1
done
[ -f "$work/services.env" ] || fail "the services did not start within 30 s"
# shellcheck disable=SC1091
. "$work/services.env"

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
secret="$(node -e 'console.log(require("crypto").randomBytes(36).toString("base64url"))')"

echo "node-smoke: node $(node --version) dist/main.js on port $port"
started=$SECONDS
ROLE=all PORT="$port" MONGODB_URI="$MONGODB_URI/node_smoke" REDIS_URL="$REDIS_URL" JWT_SECRET="$secret" LOG_LEVEL=warn \
  NODE_ENV=production node dist/main.js >"$work/app.log" 2>&1 &
app_pid=$!

# Poll readiness from one Node process: exits 0 on 200, 1 on timeout, 2 if the app has exited.
if ! node -e '
  const [url, timeoutS, pid] = process.argv.slice(1);
  const deadline = Date.now() + Number(timeoutS) * 1000;
  // An exited child of the shell stays a zombie until waited for, and kill(pid, 0) still succeeds on a zombie.
  const alive = () => {
    try { return !/^\d+ \(.*\) Z/.test(require("fs").readFileSync(`/proc/${pid}/stat`, "utf8")); }
    catch { try { process.kill(Number(pid), 0); return !require("fs").existsSync("/proc/self"); } catch { return false; } }
  };
  (async () => {
    let last = "no answer";
    while (Date.now() < deadline) {
      if (!alive()) { console.error(`the app exited before it was ready (last: ${last})`); process.exit(2); }
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) process.exit(0);
        last = `${res.status} ${(await res.text()).slice(0, 300)}`;
      } catch (e) { last = String(e.cause?.code ?? e.message); }
      await new Promise((r) => setTimeout(r, 200));
    }
    console.error(`not ready after ${timeoutS} s (last: ${last})`);
    process.exit(1);
  })();
' "http://127.0.0.1:$port/health/ready" "$READY_TIMEOUT_S" "$app_pid"; then
  fail "GET /health/ready never answered 200"
fi
echo "node-smoke: ready in $((SECONDS - started)) s; sending SIGTERM"

kill -TERM "$app_pid"
stop_started=$SECONDS
# A watchdog kills the app if it outlives the limit (polling with kill -0 cannot tell a zombie from a live process).
( sleep "$STOP_TIMEOUT_S"; if kill -0 "$app_pid" 2>/dev/null; then touch "$work/timed-out"; kill -KILL "$app_pid"; fi ) 2>/dev/null &
watchdog=$!
set +e
wait "$app_pid"
code=$?
set -e
kill "$watchdog" 2>/dev/null || true
wait "$watchdog" 2>/dev/null || true
app_pid=""
[ ! -e "$work/timed-out" ] || fail "still running ${STOP_TIMEOUT_S} s after SIGTERM (killed)"
[ "$code" = 0 ] || fail "exit code $code after SIGTERM (expected 0)"
echo "node-smoke: ok: exited 0 after SIGTERM in $((SECONDS - stop_started)) s"
