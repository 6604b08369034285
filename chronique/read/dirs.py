"""Directories: every file of a known type below it, recursively, in a stable sorted order.

Hidden files and folders (name starting with '.') and files of other types are skipped, so a
folder of mixed material can be given as is; symbolic links to folders are not followed. A
folder that cannot be listed (permission denied, …) is not skipped in silence: it is listed
with its problem, so that the reader reports it in its place and the batch goes on.
"""

from __future__ import annotations

import os
from pathlib import Path

from chronique.read.base import KNOWN_SUFFIXES, os_problem, suffix_of


def list_dir(path: str | Path) -> list[tuple[Path, str | None]]:
    """(file, None) for each readable file under `path` and (folder, problem) for each folder
    that could not be listed, sorted by their path parts (so 'a/z' < 'b')."""
    root = Path(path)
    found: list[tuple[Path, str | None]] = []

    def unlisted(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        found.append((where, os_problem(exc)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for fn in filenames:
            if not fn.startswith(".") and suffix_of(fn):
                found.append((Path(dirpath) / fn, None))
    return sorted(found, key=lambda e: e[0].relative_to(root).parts)


def no_files_problem() -> str:
    return "no readable files in this directory (looked for " + ", ".join(KNOWN_SUFFIXES) + ")"
