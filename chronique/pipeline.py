"""Article → ArticleResult: the one entry point every command (extract, ingest, serve) uses.

Paragraphs of a whole batch go through `nlp.pipe` together (parsing dominates the cost);
extraction then runs article by article. A failure in one article is recorded in its
`errors` and never stops the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from chronique.extract.actors import ActorMemory, DocActors, get_lexicon, home_country
from chronique.extract.events import EventExtractor, event_lexicon, merge_events
from chronique.extract.places import (
    article_setting,
    fill_locations,
    get_gazetteer,
    locative_places,
    resolve_homonyms,
)
from chronique.extract.quotes import QuoteExtractor, cues_for, quote_spans
from chronique.extract.time import find_times
from chronique.model import Article, ArticleResult
from chronique.nlp import (
    ParsedParagraph,
    UnsupportedLanguage,
    article_language,
    get_nlp,
    identify_language,
    parse_paragraphs,
)


def warm(lang: str) -> None:
    """Load the parser and every lexicon, gazetteer and grammar of `lang` now.

    They load lazily on first use otherwise, which puts a second of start-up inside the
    first batch (and inside any throughput measurement).
    """
    get_nlp(lang)
    get_lexicon(lang)
    event_lexicon(lang)
    get_gazetteer(lang)
    cues_for(lang)
    find_times("", lang, None)
    identify_language("")


def empty_result(article: Article) -> ArticleResult:
    return ArticleResult(
        id=article.id,
        published=article.published,
        language=article.language,
        title=article.title,
        text=article.text,
        url=article.url,
        source=article.source,
        origin=article.origin,
        content_hash=article.content_hash,
    )


def extract(article: Article, lang: str, parsed: list[ParsedParagraph]) -> ArticleResult:
    """Run every extractor over an article's parsed paragraphs, in reading order."""
    result = empty_result(article)
    result.language = lang
    published = article.published_date
    when = published.first_day() if published else None
    memory = ActorMemory()
    docs = [
        DocActors(pp.doc, lang, pp.start, when, memory, text=pp.paragraph.text) for pp in parsed
    ]
    quotes = QuoteExtractor(lang)
    events = EventExtractor(lang, article.id, published, home=home_country(docs))
    cues = cues_for(lang)
    gazetteer = get_gazetteer(lang)
    located = []  # every place named after a locative word: the article's setting
    mentions = []
    for pp, da in zip(parsed, docs, strict=True):
        text = pp.paragraph.text
        spans = quote_spans(text, cues)
        memory.quoted.extend((pp.start + s, pp.start + e) for s, e, _ in spans)
        result.entities.extend(da.entities())
        times = find_times(text, lang, published, offset=pp.start)
        result.times.extend(times)
        result.quotes.extend(quotes.paragraph(pp.doc, da, pp.paragraph.index, spans))
        located.extend(locative_places(pp.doc, da, gazetteer))
        for m in events.paragraph(pp.doc, da, times):
            mentions.append(events.to_event(m, pp.paragraph.index, pp.start, text))
            if m.place is not None:
                result.places.append(m.place)
    merged = merge_events(mentions, article.id)
    events.infer_recipients(merged, result.entities)
    result.events = merge_events(merged, article.id)
    resolve_homonyms(located, result.entities, events.home, gazetteer)
    setting = article_setting(located, gazetteer)
    fill_locations(result.events, setting, gazetteer, result.entities, events.home)
    if published is None:
        result.errors.append(f"{article.origin or article.id}: publication date unknown")
    return result


def process_batch(articles: list[Article], batch_size: int = 64) -> list[ArticleResult]:
    """Extract a batch of articles; the order of results follows the input."""
    results: list[ArticleResult | None] = [None] * len(articles)
    by_lang: dict[str, list[int]] = {}
    for i, art in enumerate(articles):
        try:
            by_lang.setdefault(article_language(art), []).append(i)
        except UnsupportedLanguage as exc:
            r = empty_result(art)
            r.errors.append(f"{art.origin or art.id}: {exc}")
            results[i] = r
    for lang, idxs in by_lang.items():
        owners = [(i, p) for i in idxs for p in articles[i].paragraphs()]
        parsed = parse_paragraphs([p for _, p in owners], lang, batch_size)
        grouped: dict[int, list[ParsedParagraph]] = {i: [] for i in idxs}
        for (i, _), pp in zip(owners, parsed, strict=True):
            grouped[i].append(pp)
        for i in idxs:
            art = articles[i]
            try:
                results[i] = extract(art, lang, grouped[i])
            except Exception as exc:  # noqa: BLE001 - one article must not stop a batch
                r = empty_result(art)
                r.language = lang
                r.errors.append(
                    f"{art.origin or art.id}: extractor failed ({type(exc).__name__}: {exc})"
                )
                results[i] = r
    return [r for r in results if r is not None]


def process(article: Article) -> ArticleResult:
    return process_batch([article])[0]


def process_stream(articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleResult]:
    """Results for a stream of articles, batched for the parser, yielded in input order."""
    batch: list[Article] = []
    for art in articles:
        batch.append(art)
        if len(batch) >= batch_size:
            yield from process_batch(batch)
            batch = []
    if batch:
        yield from process_batch(batch)
