# The kiosk's restart loop, sourced by scripts/kiosk (and by its test): runs the command again whenever it ends with a
# non-zero status, after a back-off of 1 s doubling to 60 s; a run that lived longer than 10 minutes starts the
# back-off again from 1 s. A clean exit (status 0: the service menu's "Exit application") ends the loop, and so does
# SIGINT or SIGTERM to the loop itself (passed on to the running kiosk first).
#
# Knobs (environment): KIOSK_RESTART_MAX_DELAY_S (60), KIOSK_RESTART_RESET_AFTER_S (600), KIOSK_RESTART_SLEEP (the
# command that waits, "sleep").

restart_loop() {
  local delay=1
  local max_delay=${KIOSK_RESTART_MAX_DELAY_S:-60}
  local reset_after=${KIOSK_RESTART_RESET_AFTER_S:-600}
  local sleeper=${KIOSK_RESTART_SLEEP:-sleep}
  local child="" status started lived
  trap 'if [[ -n "$child" ]]; then kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; fi; exit 143' INT TERM
  while true; do
    started=$(date +%s)
    ( "$@" ) &
    child=$!
    status=0
    wait "$child" || status=$?
    child=""
    lived=$(( $(date +%s) - started ))
    if (( status == 0 )); then
      echo "kiosk: clean exit after ${lived}s; not restarting" >&2
      return 0
    fi
    if (( lived > reset_after )); then
      delay=1
    fi
    echo "kiosk: exited with status ${status} after ${lived}s; restarting in ${delay}s" >&2
    "$sleeper" "$delay"
    delay=$(( delay * 2 ))
    if (( delay > max_delay )); then
      delay=$max_delay
    fi
  done
}
