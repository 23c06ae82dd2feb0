"""Shared fixtures of the Python module's tests (pytest).

CTest runs them with PYTHONPATH at the build tree's python/ folder (where the module
is built) and CLAIMKB_CLI naming the `claimkb` command the answers are compared with:
    PYTHONPATH=build/python CLAIMKB_CLI=build/claimkb python3 -m pytest tests/python
"""
import json
import os
import subprocess

import pytest

import claimkb


@pytest.fixture(scope="session")
def kb():
    # The bundled KB, as the command opens it without --kb.
    return claimkb.open()


@pytest.fixture(scope="session")
def cli():
    """Runs the command with --json and returns (exit code, parsed stdout or None)."""
    binary = os.environ.get("CLAIMKB_CLI")
    if not binary:
        pytest.skip("CLAIMKB_CLI is not set")

    def run(*args, stdin=None):
        r = subprocess.run([binary, *args, "--json"], capture_output=True, text=True, input=stdin)
        return r.returncode, (json.loads(r.stdout) if r.stdout.strip() else None)

    return run
