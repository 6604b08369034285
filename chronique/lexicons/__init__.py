"""Access to the versioned lexicon files (JSON): the knowledge extractors work from."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).parent


class LexiconError(RuntimeError):
    """A lexicon file is missing or malformed."""


@cache
def load(name: str, lang: str | None = None) -> dict[str, Any]:
    """Load `lexicons/<lang>/<name>.json`, or `lexicons/<name>.json` when lang is None."""
    path = LEXICON_DIR / lang / f"{name}.json" if lang else LEXICON_DIR / f"{name}.json"
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError as exc:
        raise LexiconError(f"{path}: lexicon file missing") from exc
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{path}: malformed JSON ({exc})") from exc
    if "version" not in data:
        raise LexiconError(f"{path}: no 'version' key")
    return data


def versions(lang: str) -> dict[str, str]:
    """Version of every lexicon a language uses: recorded with results for reproducibility."""
    out = {}
    for path in sorted((LEXICON_DIR / lang).glob("*.json")):
        out[f"{lang}/{path.stem}"] = str(load(path.stem, lang)["version"])
    for path in sorted(LEXICON_DIR.glob("*.json")):
        out[path.stem] = str(load(path.stem)["version"])
    return out
