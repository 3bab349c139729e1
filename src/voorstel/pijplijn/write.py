"""Write: outputs into the output folder, atomically, and never outside it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from voorstel.kern.errors import SchrijfFout


def binnen(out: Path, target: Path) -> Path:
    """`target` resolved, refusing anything that would land outside `out`."""
    root = out.resolve()
    resolved = (root / target).resolve() if not target.is_absolute() else target.resolve()
    if resolved != root and root not in resolved.parents:
        raise SchrijfFout(f"'{target}' ligt buiten de uitvoermap {out}; kies een andere naam")
    return resolved


def _rechten() -> int:
    """The permissions a new file gets (mkstemp's are private: owner only)."""
    masker = os.umask(0o022)
    os.umask(masker)
    return 0o666 & ~masker


RECHTEN = _rechten()


def _tijdelijk(path: Path, data: bytes) -> Path:
    """Write `data` to a new temporary file next to `path` (synced); return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, RECHTEN)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def schrijf_atomisch(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    tmp = _tijdelijk(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def schrijf_alles(out: Path, outputs: dict[Path, bytes]) -> list[Path]:
    """Write every output (relative paths under `out`) in two phases: first each to a
    temporary file beside it, then, only when all are written, rename them all; so a
    failure while writing leaves every old output as it was."""
    targets = {binnen(out, rel): data for rel, data in outputs.items()}
    klaar: dict[Path, Path] = {}
    try:
        for target, data in targets.items():
            try:
                klaar[target] = _tijdelijk(target, data)
            except OSError as exc:
                raise SchrijfFout(f"kan {target} niet schrijven: {exc.strerror}") from None
        for target, tmp in klaar.items():
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise SchrijfFout(f"kan {target} niet schrijven: {exc.strerror}") from None
    finally:
        for tmp in klaar.values():
            tmp.unlink(missing_ok=True)  # only those not renamed are still there
    return list(targets)
