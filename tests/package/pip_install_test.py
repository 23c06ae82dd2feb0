"""`pip install --no-build-isolation .` from the repository (docs/python.md) into a
fresh virtual environment that sees Debian's packages (pybind11, setuptools, wheel),
then `import claimkb` there opens the KB bundled in the package.

Run by CTest as: python3 pip_install_test.py SOURCE_DIR WORK_DIR
The source is copied to WORK_DIR/src (the files git tracks, or the whole tree when git
is missing), so the build never writes into the repository, and the copy's path stays
the same from run to run (ccache, when on PATH, then finds its earlier objects).
Exit 77 (Skipped) when this python3 has no venv or pip (python3-venv, python3-pip:
tools/packages.sh test).
"""
import glob
import os
import shutil
import subprocess
import sys


def bundled_claim_count(source):
    """The claims in claims/*.yaml: each record is a top-level list item `- id: ...`."""
    count = 0
    for path in glob.glob(os.path.join(source, "claims", "*.yaml")):
        with open(path, encoding="utf-8") as f:
            count += sum(1 for line in f if line.startswith("- id:"))
    return count


def copy_source(source, dest):
    shutil.rmtree(dest, ignore_errors=True)
    listed = subprocess.run(["git", "-C", source, "ls-files", "-z"], capture_output=True)
    if listed.returncode != 0:
        shutil.copytree(source, dest, ignore=shutil.ignore_patterns("build*", ".git"))
        return
    for rel in filter(None, listed.stdout.decode().split("\0")):
        src = os.path.join(source, rel)
        if os.path.isfile(src):
            os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
            shutil.copy2(src, os.path.join(dest, rel))


def main(source, work):
    for module in ("venv", "ensurepip"):
        if subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode != 0:
            print(f"{sys.executable} has no {module} (python3-venv, python3-pip): skipped")
            return 77
    src, venv = os.path.join(work, "src"), os.path.join(work, "venv")
    copy_source(source, src)
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", venv], check=True)
    python = os.path.join(venv, "bin", "python")

    env = dict(os.environ, CMAKE_BUILD_PARALLEL_LEVEL="2", PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    if shutil.which("ccache"):
        env.update(CMAKE_CXX_COMPILER_LAUNCHER="ccache", CMAKE_C_COMPILER_LAUNCHER="ccache", CCACHE_BASEDIR=src)
    subprocess.run([python, "-m", "pip", "install", "--no-build-isolation", "."], cwd=src, env=env, check=True)

    # From another directory, so that the installed package is imported, not the
    # copy's python/ folder; CLAIMKB_KB unset so that open() takes the bundled KB.
    env.pop("CLAIMKB_KB", None)
    r = subprocess.run([python, "-c", "import claimkb; kb = claimkb.open(); print(len(kb)); print(claimkb.__file__)"],
                       cwd=work, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    count, where = r.stdout.split()
    # The expected count is the number of `- id:` records in the repository's claims/.
    expected = bundled_claim_count(source)
    assert expected > 0
    assert int(count) == expected, f"the installed package opened {count} claims; claims/ has {expected}"
    assert where.startswith(venv), f"claimkb imported from {where}, not from the venv"
    print(f"ok: installed into {venv}; claimkb.open() has {count} claims")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
