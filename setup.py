"""Builds the extension module claimkb._claimkb with the project's CMake
(-DCLAIMKB_PYTHON=ON) for `pip install --no-build-isolation .`, and puts the KB the
module was built with (claims/, citations/, concepts/) in the package as claimkb/kb,
which claimkb.open() opens when given no path. pyproject.toml holds the metadata."""
import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = os.path.join(os.path.abspath(self.build_temp), "cmake")
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        subprocess.run(["cmake", "-S", ROOT, "-B", build, "-DCMAKE_BUILD_TYPE=Release", "-DCLAIMKB_PYTHON=ON",
                        "-DCLAIMKB_BUILD_TESTS=OFF", "-DCLAIMKB_BUILD_EXAMPLES=OFF", "-DCLAIMKB_BUILD_TOOLS=OFF",
                        "-DCLAIMKB_INSTALL=OFF", f"-DPython3_EXECUTABLE={sys.executable}"], check=True)
        subprocess.run(["cmake", "--build", build, "--target", "claimkb_python", "-j", jobs], check=True)
        built = os.path.join(build, "python", "claimkb")
        module = next(f for f in os.listdir(built) if f.startswith("_claimkb") and f.endswith(".so"))
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(built, module), target)
        kb = os.path.join(os.path.dirname(target), "kb")
        shutil.rmtree(kb, ignore_errors=True)
        for part in ("claims", "citations", "concepts"):
            if os.path.isdir(os.path.join(ROOT, part)):
                shutil.copytree(os.path.join(ROOT, part), os.path.join(kb, part))


setup(ext_modules=[Extension("claimkb._claimkb", sources=[])], cmdclass={"build_ext": CMakeBuild})
