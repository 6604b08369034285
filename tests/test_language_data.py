"""Language knowledge lives in lexicons: no French or English word and no parser label is
written into the extractors' code (README: a new language is a lexicon folder and an
adapter, never an extractor edit)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import chronique
from chronique.extract.syntax import syntax_for
from chronique.model import MODALITIES, PRECISIONS

ROOT = Path(chronique.__file__).parent
EXTRACT = sorted((ROOT / "extract").rglob("*.py"))
LEXICONS = ROOT / "lexicons"

# Schema names, not words: trigger slots and constraint keys that events.json uses as values.
SCHEMA = {
    "obj", "iobj", "obj_owner", "comp_subj", "amod", "poss", *MODALITIES, *PRECISIONS,
    # kinds of mention and place, and field names of the data packages read
    "organization", "population", "direction",
    # kinds of actor (a document that speaks) and of location (the article's setting)
    "document", "article",
}  # fmt: skip
# Where a literal is the definition of the schema itself.
ALLOWED = {
    ("syntax.py", "*"),  # the adapter: maps roles to the grammar file's labels
    # trigger slot names (events.json schema) that happen to spell a label
    *((f, slot) for f in ("rules.py", "checks.py", "frames.py") for slot in SCHEMA),
    ("modality.py", "aux"),  # the key of modality.json's auxiliary cues
    ("rules.py", "prep"),  # the constraint key 'prep' of events.json
    ("rules.py", "between"), ("rules.py", "comment"),  # events.json's top-level keys
    ("places.py", "en"),  # a language code
    ("time.py", "from"), ("time.py", "to"),  # keys of the time grammar's range operator
    ("quotes.py", "open"), ("quotes.py", "close"),  # keys of reporting.json's quote marks
    ("time.py", "part"), ("time.py", "punct"),  # a time grammar placeholder and guard name
    ("countrynames.py", "en"),  # a language code
    ("__init__.py", "match"),  # the name of the coder's first stage
    ("time.py", "date"),  # a time grammar field name
}  # fmt: skip
WORD = re.compile(r"^[a-zà-ÿœæ'’\- ]+$")


# Entry fields whose values are codes of chronique's own schema, not words of a language.
CODE_FIELDS = {
    "labels", "pos", "type", "cameo", "mode", "context", "id", "recipient", "actor", "sector",
    "code", "country", "kind", "gender", "number", "role", "wikidata", "name", "version",
    "source", "comment", "infer_recipient", "motive_absorbing_types", "domestic_sectors",
    "challenger_sectors", "precision", "rule", "example", "rules",
    # types by construction: their keys ('type', 'types', 'words') are schema names
    "refusal", "conditional_threat", "hostile_condition", "unnamed_agent", "object_clitic_types",
    "verbal_attack",
    "tense_endings",  # grammar.json: keyed by chronique's tense names (syntax.TENSES)
}  # fmt: skip
# English content words double as the names of chronique's own fields ('country', 'person');
# for English the scan reads the function-word lexicons, for French every lexicon.
FUNCTION_LEXICONS = ("grammar", "pronouns", "modality", "reporting")


def _walk(node, words: set[str], fields: set[str], depth: int = 0, entry: bool = False) -> None:
    """Words (list items, keys of word maps) and field names (keys of files and entries)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if depth == 0 or entry:
                fields.add(k)
            elif WORD.match(k) and len(k) > 1:
                words.add(k)  # 'aux': {'aurait': 'alleged'}: the key is the word
            if k not in CODE_FIELDS:
                _walk(v, words, fields, depth + 1, entry)
    elif isinstance(node, list):
        for v in node:
            if isinstance(v, str):
                if WORD.match(v) and len(v) > 1:
                    words.add(v)
            else:
                _walk(v, words, fields, depth + 1, True)


def lexicon_words() -> set[str]:
    words: set[str] = set()
    fields: set[str] = set()
    paths = list((LEXICONS / "fr").glob("*.json"))
    paths += [LEXICONS / "en" / f"{name}.json" for name in FUNCTION_LEXICONS]
    for path in paths:
        _walk(json.loads(path.read_text(encoding="utf-8")), words, fields)
    return words - fields - CODE_FIELDS - SCHEMA


def labels() -> set[str]:
    return {lab for lang in ("fr", "en") for ls in syntax_for(lang).labels.values() for lab in ls}


def literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docs.add(id(body[0].value))
    return [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    ]


def offenders(known: set[str]) -> list[str]:
    out = []
    for path in EXTRACT:
        for line, value in literals(path):
            if (path.name, "*") in ALLOWED or (path.name, value) in ALLOWED:
                continue
            if value in known:
                out.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    return out


def test_no_french_or_english_word_in_extractor_code():
    words = lexicon_words()
    assert {"de", "avoir", "selon", "with", "by"} <= words  # the scan sees function words
    bad = offenders(words)
    assert not bad, "words belong in lexicons/<lang>/:\n" + "\n".join(bad)


def test_no_parser_label_past_the_syntax_adapter():
    bad = offenders(labels() - {"ROOT"})
    assert not bad, "ask extract/syntax.py by role:\n" + "\n".join(bad)


def test_the_scan_would_catch_a_word(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text('"""Doc."""\nX = ("selon", "nsubj")\n', encoding="utf-8")
    found = {v for _, v in literals(probe)}
    assert "selon" in found & lexicon_words() and "nsubj" in found & labels()
