"""The DuckDB schema of the event store.

One row per article, keyed by `Article.content_hash`, so that identity follows the text and
not the file it came from; every child row (paragraph, entity, quote, event, event actor,
evidence) is keyed by the article's hash plus its position, so a batch written twice would
collide rather than double. The full `ArticleResult` JSON is kept beside the flat rows: the
flat rows are for queries, the JSON for exports that must rebuild records exactly.
"""

from __future__ import annotations

SCHEMA_VERSION = "2"

# Statements that bring a store of an older schema to this one, by the version it has; each
# leaves data in place (a new column of an older store stays NULL until its articles are
# ingested again).
MIGRATIONS: dict[str, list[str]] = {
    "1": [
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS location_precision VARCHAR",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS location_kind VARCHAR",
    ],
}

TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,          -- Article.content_hash
    seq BIGINT NOT NULL,             -- order of storage: the first of near-duplicates wins
    source_id VARCHAR,               -- the id the source gave
    published VARCHAR,               -- YYYY, YYYY-MM or YYYY-MM-DD as read
    published_start DATE,
    published_end DATE,
    language VARCHAR,
    title VARCHAR,
    url VARCHAR,
    source VARCHAR,
    origin VARCHAR,
    text VARCHAR,
    n_paragraphs INTEGER,
    n_entities INTEGER,
    n_quotes INTEGER,
    n_events INTEGER,
    notes VARCHAR[],                 -- result.errors that are remarks, not failures
    duplicate_of VARCHAR,            -- the stored article of the same story (MinHash/LSH)
    similarity DOUBLE,               -- estimated Jaccard similarity to duplicate_of
    minhash BLOB,                    -- MinHash signature, to rebuild the LSH index
    results JSON,                    -- ArticleResult.to_dict(), without the text
    ingested_at TIMESTAMP
);

-- Every id under which an article was read: the same text published under two ids (the
-- corpus repeats 516 of its 4,838 stories) is stored once and found by either id.
CREATE TABLE IF NOT EXISTS article_sources (
    article_id VARCHAR,
    source_id VARCHAR,
    origin VARCHAR,                  -- where it was first read under this id
    PRIMARY KEY (article_id, source_id)
);

CREATE TABLE IF NOT EXISTS paragraphs (
    article_id VARCHAR,
    idx INTEGER,
    start INTEGER,
    text VARCHAR,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR,
    idx INTEGER,
    text VARCHAR,
    name VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    wikidata VARCHAR,
    kind VARCHAR,
    start INTEGER,
    "end" INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR,
    idx INTEGER,
    kind VARCHAR,
    cue VARCHAR,
    text VARCHAR,
    start INTEGER,
    "end" INTEGER,
    paragraph INTEGER,
    speaker_text VARCHAR,
    speaker_name VARCHAR,
    speaker_country VARCHAR,
    speaker_sector VARCHAR,
    speaker_wikidata VARCHAR,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,          -- article_id || ':' || idx
    article_id VARCHAR,
    idx INTEGER,
    event_id VARCHAR,                -- the extractor's id
    event VARCHAR,                   -- PLOVER type
    mode VARCHAR,
    context VARCHAR[],
    modality VARCHAR,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    date_text VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_geonameid BIGINT,
    cameo VARCHAR,
    score DOUBLE,
    quad VARCHAR,                    -- PLOVER quad of the type (plover.json)
    text VARCHAR,
    trigger_text VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    rule VARCHAR,
    actor_countries VARCHAR[],       -- sorted, distinct
    recipient_countries VARCHAR[],
    attributed_to VARCHAR[],         -- countries (or texts) of who claims it
    denied_by VARCHAR[],
    n_mentions INTEGER,              -- evidence rows
    cluster_key VARCHAR,             -- type|actors|recipients; NULL: never merged
    cluster_id VARCHAR,              -- events.id of the cluster's representative
    -- last, so that a store migrated from schema 1 (ALTER … ADD COLUMN) has the same order
    location_precision VARCHAR,      -- city, region, country, area
    location_kind VARCHAR            -- sentence, article, actor: how the place was found
);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR,                -- events.id
    role VARCHAR,                    -- actor, recipient, attributed_to, denied_by
    idx INTEGER,
    text VARCHAR,
    name VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    wikidata VARCHAR,
    kind VARCHAR,
    PRIMARY KEY (event_id, role, idx)
);

CREATE TABLE IF NOT EXISTS evidence (
    event_id VARCHAR,                -- events.id
    idx INTEGER,
    sentence VARCHAR,
    trigger VARCHAR,
    start INTEGER,
    "end" INTEGER,
    rule VARCHAR,
    paragraph INTEGER,
    PRIMARY KEY (event_id, idx)
);

CREATE TABLE IF NOT EXISTS failures (
    origin VARCHAR,                  -- the input: path, path:line, '-'
    error VARCHAR,                   -- the one-line message
    kind VARCHAR,                    -- read or extract
    article_id VARCHAR,              -- content hash when an article was read
    first_seen TIMESTAMP,
    last_seen TIMESTAMP,
    attempts INTEGER,
    PRIMARY KEY (origin, error)
);
"""

# A view, so that the counts follow the rows: nothing to keep in step after a crash.
VIEWS = """
CREATE OR REPLACE VIEW event_clusters AS
WITH members AS (
    SELECT
        e.cluster_id,
        list_sort(list(DISTINCT e.modality)) AS modalities,
        min(e.date_start) AS date_start,
        max(e.date_end) AS date_end,
        count(*) AS n_events,
        count(DISTINCT coalesce(a.duplicate_of, a.id)) AS n_articles,
        count(DISTINCT a.id) AS n_copies,
        count(DISTINCT coalesce(a.source, a.url, a.origin)) AS n_sources,
        sum(e.n_mentions) AS n_mentions,
        list_sort(list(DISTINCT a.id)) AS article_ids,
        min(a.published_start) AS first_published,
        max(a.published_end) AS last_published
    FROM events e JOIN articles a ON a.id = e.article_id
    GROUP BY e.cluster_id
)
SELECT
    r.id, r.event, r.mode, r.context, r.modality, m.modalities,
    r.actor_countries, r.recipient_countries, m.date_start, m.date_end,
    r.date_precision, r.location_name, r.location_country, r.location_lat, r.location_lon,
    r.location_geonameid, r.location_precision, r.location_kind, r.cameo, r.score, r.quad,
    r.text, r.trigger_text, r.article_id,
    m.n_events, m.n_articles, m.n_copies, m.n_sources, m.n_mentions, m.article_ids,
    m.first_published, m.last_published
FROM members m JOIN events r ON r.id = m.cluster_id;
"""

COUNTED_TABLES = (
    "articles",
    "article_sources",
    "paragraphs",
    "entities",
    "quotes",
    "events",
    "event_actors",
    "evidence",
    "failures",
)
