"""Wheel tagging only (everything else is in pyproject.toml).

A wheel that ships the prebuilt libsesame.so.1 next to the package is platform-specific: tagged
py3-none-<platform> (any Python 3: the binding is pure Python over cffi's ABI mode, but the
library is native code). Without the library inside (it comes from the system, SESAME_LIBRARY or a
sibling install), the wheel is pure: py3-none-any.
"""
from pathlib import Path

from setuptools import setup

BUNDLES_LIBRARY = any((Path(__file__).parent / "src" / "sesame").glob("libsesame.so*"))

cmdclass = {}
if BUNDLES_LIBRARY:
    from wheel.bdist_wheel import bdist_wheel

    class PlatformWheel(bdist_wheel):
        def finalize_options(self) -> None:
            super().finalize_options()
            self.root_is_pure = False

        def get_tag(self):  # type: ignore[no-untyped-def]
            _, _, platform = super().get_tag()
            return "py3", "none", platform

    cmdclass["bdist_wheel"] = PlatformWheel

setup(cmdclass=cmdclass)
