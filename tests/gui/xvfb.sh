# Sourced by the GUI test scripts: starts an Xvfb of its own (1600x1000) and exports DISPLAY;
# $xvfb is its process id. Xvfb picks a free display itself (-displayfd): a fixed or random
# number can collide with another test's xvfb-run running at the same time.
# -noreset: no server reset between one test view and the next (a view started while the
# server regenerates after the last client left cannot connect).
displayfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset 3>"$displayfile" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 400); do [ -s "$displayfile" ] && break; sleep 0.05; done
display=:$(head -n1 "$displayfile")
rm -f "$displayfile"
[ "$display" != ":" ] || { echo "FAIL: Xvfb did not start within 20 s"; exit 1; }
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done 2>/dev/null || sleep 1

# window_of PID: the mapped window of process PID (GLFW also makes an unmapped helper window;
# retried, as a window being destroyed meanwhile makes xdotool's tree walk fail with BadWindow).
window_of() {
  local w=""
  for _ in $(seq 100); do
    w=$(xdotool search --onlyvisible --pid "$1" 2>/dev/null | tail -1) || true
    [ -n "$w" ] && break
    sleep 0.2
  done
  [ -n "$w" ] || {
    echo "FAIL: no window of process $1 after 20 s ($(kill -0 "$1" 2>/dev/null && echo running || echo exited))" >&2
    [ -z "${out:-}" ] || tail -n 5 "$out"/*.log >&2 2>/dev/null
    return 1
  }
  echo "$w"
}

# view_start LOG ARGS...: starts $build/knotenpunkt with ARGS (reporting its first frame into
# LOG), waits for its window and first frame, focuses it; sets $view (pid) and $w (window).
view_start() {
  local log=$1
  shift
  KNP_REPORT_FIRST_FRAME=1 "$build/knotenpunkt" "$@" >"$log" 2>&1 &
  view=$!
  w=$(window_of "$view") || { cat "$log"; exit 1; }
  for _ in $(seq 200); do grep -q "first frame" "$log" && break; sleep 0.1; done
  sleep 1
  xdotool windowfocus --sync "$w" 2>/dev/null || xdotool windowfocus "$w"
}
