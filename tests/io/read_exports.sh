#!/usr/bin/env bash
# Runs read_exports.py (knp's exports read back by networkx, zipfile and csv) once Python and
# networkx are there; otherwise says SKIP (or fails under CI=true, see tests/support/tools.sh).
# Usage: read_exports.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_python_modules networkx:python3-networkx
exec /usr/bin/python3 "$(dirname "$0")/read_exports.py" "$@"
