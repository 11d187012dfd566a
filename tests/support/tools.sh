# Sourced by the test scripts: the programs, Python modules and files a test needs from the
# system, checked before it starts. When one is missing the test says so and does not run:
# "SKIP: <what is missing>" and exit code 77, which ctest reports as skipped (SKIP_RETURN_CODE
# in tests/CMakeLists.txt). Under CI=true (.ci/run) a test that cannot run fails instead:
# "FAIL: ..." and exit code 1, so that CI never passes a test that did not run.
# scripts/setup.sh installs every package named here.

# knp_skip REASON: skips the test (or fails it under CI=true) with REASON.
knp_skip() {
  if [ "${CI:-}" = true ]; then
    echo "FAIL: $* (CI=true: a test that cannot run fails)"
    exit 1
  fi
  echo "SKIP: $*"
  exit 77
}

# require_tools PROGRAM:PACKAGE...: each program must be on PATH (PACKAGE: its Debian package).
require_tools() {
  local spec
  for spec in "$@"; do
    command -v "${spec%%:*}" >/dev/null 2>&1 || knp_skip "${spec%%:*} is missing (Debian package ${spec#*:})"
  done
}

# require_python_modules MODULE:PACKAGE...: /usr/bin/python3 must import each module.
require_python_modules() {
  local spec
  [ -x /usr/bin/python3 ] || knp_skip "/usr/bin/python3 is missing (Debian package python3)"
  for spec in "$@"; do
    /usr/bin/python3 -c "import ${spec%%:*}" >/dev/null 2>&1 ||
      knp_skip "Python module ${spec%%:*} is missing (Debian package ${spec#*:})"
  done
}
