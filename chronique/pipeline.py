"""Article → ArticleResult: the one entry point every command (extract, ingest, serve) uses.

Paragraphs of a whole batch go through `nlp.pipe` together (parsing dominates the cost);
extraction then runs article by article. A failure in one article is recorded in its
`errors` and never stops the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from chronique.extract import events as coder
from chronique.extract.actors import ActorMemory, DocActors, get_lexicon, home_country
from chronique.extract.places import (
    article_country,
    article_setting,
    fill_locations,
    gathering_places,
    get_gazetteer,
    locative_places,
    occasion_mentions,
    other_moment_spans,
    resolve_homonyms,
    story_places,
)
from chronique.extract.quotes import QuoteExtractor, cues_for, home_speakers, quote_spans
from chronique.extract.time import find_times
from chronique.model import Article, ArticleResult, Paragraph, Place
from chronique.nlp import (
    ParsedParagraph,
    UnsupportedLanguage,
    article_language,
    get_nlp,
    identify_language,
    parse_paragraphs,
    too_long,
)


def warm(lang: str) -> None:
    """Load the parser and every lexicon, gazetteer and grammar of `lang` now.

    They load lazily on first use otherwise, which puts a second of start-up inside the
    first batch (and inside any throughput measurement).
    """
    get_nlp(lang)
    get_lexicon(lang)
    coder.event_rules(lang)
    get_gazetteer(lang).small_towns()  # built on the first summit town looked up otherwise
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


FINER = ("city", "region")  # places that name no actor, unlike a country or a capital


def _towns(docs: list[DocActors], located: list[Place]) -> list[str | None]:
    """The countries of the towns and regions among `located` that are no actor mention."""
    named = {da.offset + da.doc[m.start].idx for da in docs for m in da.mentions}
    return [p.country for p in located if p.precision in FINER and p.start not in named]


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
    rules = coder.event_rules(lang)
    gazetteer = get_gazetteer(lang)
    # every place named after a locative word: the article's setting; where its towns are
    # (a country or a capital names an actor, counted already) places a story whose actors
    # name no country
    located = [
        p
        for pp, da in zip(parsed, docs, strict=True)
        for p in locative_places(pp.doc, da, gazetteer)
    ]
    home = home_country(docs)
    disc = coder.Discourse(
        home=home, scene=home or home_country(docs, located=_towns(docs, located))
    )
    cues = cues_for(lang)
    domestic = frozenset(rules.groups.get("domestic_sectors", []))
    events = []
    inferable: set[int] = set()  # trigger offsets of acts that may take the frame's target
    gathered = []  # the places gatherings are held in: the lead's summit
    elsewhere = []  # clauses that tell another moment than their sentence's main act
    occasions = []  # occasions named, with their place or the clause they set
    for pp, da in zip(parsed, docs, strict=True):
        text = pp.paragraph.text
        spans = quote_spans(text, cues)
        memory.quoted.extend((pp.start + s, pp.start + e) for s, e, _ in spans)
        result.entities.extend(da.entities())
        times = find_times(text, lang, published, offset=pp.start)
        result.times.extend(times)
        disc.quotes = quotes.paragraph(pp.doc, da, pp.paragraph.index, spans, times)
        home_speakers(disc.quotes, disc.home, domestic)
        result.quotes.extend(disc.quotes)
        gathered.extend(gathering_places(pp.doc, da, gazetteer))
        elsewhere.extend(other_moment_spans(pp.doc, da))
        occasions.extend(occasion_mentions(pp.doc, da, gazetteer))
        index = pp.paragraph.index
        for c in coder.code_paragraph(pp.doc, da, times, rules, disc, published, gazetteer):
            if c.reason is not None:
                result.dropped.append(coder.dropped_record(c, pp.start, index, text))
                continue
            ev = coder.to_event(c, rules, article.id, index, pp.start, text)
            events.append(ev)
            if c.infer:
                inferable.add(ev.evidence[0].start)
            if c.place is not None:
                result.places.append(c.place)
    merged = coder.merge_events(events, article.id)
    coder.infer_recipients(merged, inferable, result.entities, disc.home, rules, article.id)
    result.events = coder.merge_events(merged, article.id)
    resolve_homonyms(located, result.entities, disc.home, gazetteer)
    located = story_places(located, result.events, gazetteer)
    setting = article_setting(located, gazetteer)
    country = article_country(located, result.entities)
    sentences = [
        (pp.start + s.start_char, pp.start + s.end_char) for pp in parsed for s in pp.doc.sents
    ]
    fill_locations(
        result.events,
        setting,
        gazetteer,
        result.entities,
        disc.home,
        country,
        located,
        sentences,
        gathered,
        elsewhere,
        occasions,
    )
    if published is None:
        result.errors.append(f"{article.origin or article.id}: publication date unknown")
    return result


@dataclass
class ParsedBatch:
    """A batch of articles parsed and not yet coded: parsing the next batch can then run
    while this one is coded (`process_stream`, `pipelined`)."""

    articles: list[Article]
    results: list[ArticleResult | None]
    groups: list[tuple[str, dict[int, list[ParsedParagraph]]]]


def parse_batch(articles: list[Article], batch_size: int = 64) -> ParsedBatch:
    """Identify each article's language and parse its paragraphs, by language."""
    results: list[ArticleResult | None] = [None] * len(articles)
    by_lang: dict[str, list[int]] = {}
    for i, art in enumerate(articles):
        try:
            by_lang.setdefault(article_language(art), []).append(i)
        except UnsupportedLanguage as exc:
            r = empty_result(art)
            r.errors.append(f"{art.origin or art.id}: {exc}")
            results[i] = r
    groups = [
        (lang, _parse_group(articles, idxs, lang, batch_size, results))
        for lang, idxs in by_lang.items()
    ]
    return ParsedBatch(articles, results, groups)


def extract_batch(batch: ParsedBatch) -> list[ArticleResult]:
    """Code a parsed batch; the order of results follows the input."""
    results = batch.results
    for lang, grouped in batch.groups:
        for i in grouped:
            art = batch.articles[i]
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


def process_batch(articles: list[Article], batch_size: int = 64) -> list[ArticleResult]:
    """Extract a batch of articles; the order of results follows the input."""
    return extract_batch(parse_batch(articles, batch_size))


def pipelined(batches: Iterable[list[Article]]) -> Iterator[list[ArticleResult]]:
    """Each batch's results in order, the next batch parsed in a thread while this one is
    coded. The two overlap only where the parser leaves the GIL (measured: little, on two
    shared cores; BENCHMARKS.md). One thread parses at a time, and a Doc is coded only once
    fully parsed."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="chronique-parse") as pool:
        pending = None
        for batch in batches:
            nxt = pool.submit(parse_batch, batch)
            if pending is not None:
                yield extract_batch(pending.result())
            pending = nxt
        if pending is not None:
            yield extract_batch(pending.result())


def _not_coded(art: Article, lang: str, problem: str) -> ArticleResult:
    r = empty_result(art)
    r.language = lang
    r.errors.append(f"{art.origin or art.id}: {problem}")
    return r


def _parse_group(
    articles: list[Article],
    idxs: list[int],
    lang: str,
    batch_size: int,
    results: list[ArticleResult | None],
) -> dict[int, list[ParsedParagraph]]:
    """The parsed paragraphs of each article of one language, in one `nlp.pipe` batch.

    An article the parser cannot take (a paragraph over its length limit) gets its failure in
    `results` before parsing; should the batch still fail, its articles are parsed one by one,
    so that only the article at fault fails and the others are coded as in a clean batch.
    """
    paragraphs: dict[int, list[Paragraph]] = {}
    for i in idxs:
        paras = articles[i].paragraphs()
        problem = too_long(paras, lang)
        if problem:
            results[i] = _not_coded(articles[i], lang, problem)
        else:
            paragraphs[i] = paras
    owners = [(i, p) for i, paras in paragraphs.items() for p in paras]
    grouped: dict[int, list[ParsedParagraph]] = {i: [] for i in paragraphs}
    try:
        parsed = parse_paragraphs([p for _, p in owners], lang, batch_size)
    except Exception:  # noqa: BLE001 - find the article at fault, code the others
        for i, paras in paragraphs.items():
            try:
                grouped[i] = parse_paragraphs(paras, lang, batch_size)
            except Exception as exc:  # noqa: BLE001
                results[i] = _not_coded(
                    articles[i],
                    lang,
                    f"parser failed ({type(exc).__name__}: "
                    f"{' '.join(str(exc).split())[:300]}); not coded",
                )
                del grouped[i]
        return grouped
    for (i, _), pp in zip(owners, parsed, strict=True):
        grouped[i].append(pp)
    return grouped


def process(article: Article) -> ArticleResult:
    return process_batch([article])[0]


def process_stream(articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleResult]:
    """Results for a stream of articles, batched for the parser, yielded in input order."""

    def batches() -> Iterator[list[Article]]:
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    for results in pipelined(batches()):
        yield from results
