#!/usr/bin/env bash
# Python for the tests that check exports with other tools' own code: fideslang's models validate
# `vendor-chain export --format fides` (test/filings/fides.test.ts). Idempotent: does nothing when
# the pinned version is already importable.
set -euo pipefail
# The release the manifests are written for: FIDESLANG_RELEASE in src/register/export/fides-categories.ts.
FIDESLANG=3.1.4
if python3 -c "import fideslang, yaml, sys; sys.exit(fideslang.__version__ != '$FIDESLANG')" 2>/dev/null; then
  exit 0
fi
if ! command -v python3 >/dev/null || ! python3 -m pip --version >/dev/null 2>&1; then
  if command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq python3 python3-pip >/dev/null
  fi
fi
# Debian's system Python refuses pip installs outside a virtual environment (PEP 668) unless told.
python3 -m pip install --quiet "fideslang==$FIDESLANG" pyyaml ||
  python3 -m pip install --quiet --break-system-packages "fideslang==$FIDESLANG" pyyaml
python3 -c "import fideslang; print('fideslang', fideslang.__version__)"
