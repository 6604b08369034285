"""Directories: every file of a known type below it, recursively, in a stable sorted order.

Hidden files and folders (name starting with '.') and files of other types are skipped, so a
folder of mixed material can be given as is; symbolic links to folders are not followed.
"""

from __future__ import annotations

import os
from pathlib import Path

from chronique.read.base import KNOWN_SUFFIXES, suffix_of


def list_dir(path: str | Path) -> list[Path]:
    """The readable files under `path`, sorted by their path parts (so 'a/z' < 'b')."""
    root = Path(path)
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for fn in filenames:
            if not fn.startswith(".") and suffix_of(fn):
                found.append(Path(dirpath) / fn)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def no_files_problem() -> str:
    return "no readable files in this directory (looked for " + ", ".join(KNOWN_SUFFIXES) + ")"
