"""A pinned npm package's tarball, the one way Sesame's generators obtain their inputs.

A generator names a package, its version and the SHA-256 of the registry's .tgz. `tarball()`
finds it, in this order: a given file; a folder of .tgz files (--from, $SESAME_GEN_CACHE); npm's
cache (`npm pack --offline`, which never touches the network); the registry (`npm pack`), unless
`offline`. A tarball whose SHA-256 differs from the pin ends the run; one that cannot be had
raises Unavailable, which a `--check` turns into exit status SKIP (ctest's SKIP_RETURN_CODE).
"""
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Iterable, Optional, Tuple

SKIP = 77  # a pinned input is not available here: ctest SKIP_RETURN_CODE


class Unavailable(Exception):
    """A pinned input cannot be had here: the caller exits with SKIP (in --check) or says how to get it."""


def tgz_name(package: str, version: str) -> str:
    """The file name `npm pack` writes: "@scope/name" 1.2.3 -> "scope-name-1.2.3.tgz"."""
    return package.lstrip("@").replace("/", "-") + f"-{version}.tgz"


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def _npm_pack(workdir: Path, package: str, version: str, offline: bool) -> Path:
    if shutil.which("npm") is None:
        raise Unavailable("npm is not installed")
    cmd = ["npm", "pack", "--silent", *(["--offline"] if offline else []), f"{package}@{version}"]
    r = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True)
    written = workdir / tgz_name(package, version)
    if r.returncode != 0 or not written.is_file():
        detail = (r.stderr.strip().splitlines() or ["no message"])[-1]
        where = " (not in npm's cache?)" if offline else ""
        raise Unavailable(f"`{' '.join(cmd)}` failed{where}: {detail}")
    return written


def tarball(workdir: Path, package: str, version: str, sha256: Optional[str], *, offline: bool,
            file: Optional[Path] = None, folders: Iterable[Optional[Path]] = ()) -> Tuple[Path, str]:
    """The package's .tgz, checked: (path, its SHA-256). `sha256` None accepts what is fetched (a new
    pin, recorded by the caller); `file` is a given copy; `folders` are searched for the .tgz by name
    before npm; `offline` keeps npm away from the registry."""
    path = file
    if path is None:
        name = tgz_name(package, version)
        path = next((d / name for d in folders if d is not None and (d / name).is_file()), None)
    if path is None:
        try:
            path = _npm_pack(workdir, package, version, offline=True)
        except Unavailable:
            if offline:
                raise
            path = _npm_pack(workdir, package, version, offline=False)
    actual = sha256_of(path)
    if sha256 is not None and actual != sha256:
        sys.exit(f"error: {path} has SHA-256 {actual}, the pin says {sha256}: refused")
    with tarfile.open(path, "r:gz") as t:
        meta = json.load(t.extractfile("package/package.json"))  # type: ignore[arg-type]
    if meta["name"] != package or meta["version"] != version:
        sys.exit(f"error: {path} holds {meta['name']} {meta['version']}, not {package} {version}")
    return path, actual
