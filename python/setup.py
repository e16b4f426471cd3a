"""Builds voip_bundle._voip_bundle from src/module.cpp and the library's headers in ../include.

Offline, with Debian's setuptools and pybind11 (python3-pybind11):
    python3 -m venv --system-site-packages .venv
    .venv/bin/pip install --no-build-isolation ./python
VOIP_BUNDLE_CXXFLAGS replaces the bindings' optimisation flags (default -O1: they spend their
time converting Python values, and -O1 halves the build); the column sweep's kernel
(src/sweep_kernel.cpp) is always built at -O2, so its loops are vectorised as in a C++ host.
"""
import os
import shlex

from pybind11.setup_helpers import Pybind11Extension, build_ext
from setuptools import setup

HERE = os.path.dirname(os.path.abspath(__file__))
INCLUDE = os.path.normpath(os.path.join(HERE, "..", "include"))
if not os.path.isfile(os.path.join(INCLUDE, "voip", "bundle.hpp")):
    raise SystemExit(f"voip-bundle headers not found at {INCLUDE}: build from the repository's python/ folder")

flags = shlex.split(os.environ.get("VOIP_BUNDLE_CXXFLAGS", "-O1 -g0"))
KERNEL = os.path.join("src", "sweep_kernel.cpp")


class BuildExt(build_ext):
    """build_ext that compiles the sweep kernel at -O2 and links it into the extension."""

    def build_extension(self, ext):
        objects = self.compiler.compile([KERNEL], output_dir=self.build_temp, include_dirs=[INCLUDE],
                                        extra_postargs=["-std=c++17", "-O2", "-g0", "-fPIC", "-fvisibility=hidden"])
        ext.extra_objects = list(ext.extra_objects or []) + objects
        super().build_extension(ext)


extension = Pybind11Extension(
    "voip_bundle._voip_bundle",
    [os.path.join("src", "module.cpp")],
    include_dirs=[INCLUDE],
    depends=[os.path.join("src", f) for f in os.listdir(os.path.join(HERE, "src"))],
    cxx_std=17,
    extra_compile_args=flags + ["-Wall", "-Wextra", "-fvisibility=hidden"],
)

# Build products go to the repository's build/ folder, never into python/.
OUT = os.path.normpath(os.path.join(HERE, "..", "build", "python"))
setup(ext_modules=[extension], cmdclass={"build_ext": BuildExt},
      options={"build": {"build_base": os.path.join(OUT, "setuptools")}, "egg_info": {"egg_base": OUT}})
