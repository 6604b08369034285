"""Language identification and the shared pipelines."""

from __future__ import annotations

import pytest

from chronique.model import Article
from chronique.nlp import UnsupportedLanguage, article_language, get_nlp, identify_language
from chronique.pipeline import process_batch


def test_language_identified_per_article(seed_article):
    assert identify_language(seed_article.text)[0] == "fr"
    en = Article(
        id="en",
        text="The Kremlin said on Tuesday it had nothing to say about "
        "claims by US officials that Kim Jong Un planned to visit Russia.",
    )
    assert article_language(en) == "en"


def test_other_languages_are_reported_not_guessed():
    de = Article(
        id="de",
        text="Der Kreml erklärte am Dienstag, er habe zu den Behauptungen "
        "amerikanischer Beamter nichts zu sagen.",
    )
    with pytest.raises(UnsupportedLanguage):
        article_language(de)
    (r,) = process_batch([de])
    assert r.errors and "'de'" in r.errors[0] and "not supported" in r.errors[0]


def test_models_load_once_per_process():
    assert get_nlp("fr") is get_nlp("fr")
    assert "parser" in get_nlp("fr").pipe_names and "ner" in get_nlp("en").pipe_names


def test_one_doc_per_paragraph(seed_article):
    paras = seed_article.paragraphs()
    assert paras[0].text.startswith("Le Kremlin a déclaré mardi")
    assert len(paras) == 15
    for p in paras:
        assert seed_article.text[p.start : p.end] == p.text


def test_batch_keeps_input_order_and_mixes_languages(seed_article):
    en = Article(
        id="en", text="Russia and North Korea denied the US allegations.", published="2023-09-14"
    )
    rs = process_batch([en, seed_article])
    assert [r.id for r in rs] == ["en", "seed"]
    assert [r.language for r in rs] == ["en", "fr"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lemmatizer_index_as_sets_gives_the_stock_lemmas(lang):
    """The set index is only faster: every lemma is the one the model as shipped gives."""
    import importlib

    from chronique.nlp import MODEL_PACKAGES

    texts = {
        "fr": [
            "Les négociateurs ont entériné hier un accord provisoire sur les quotas.",
            "Elle aurait démissionné si les parlementaires avaient rejeté la réforme.",
            "Des manifestants ont incendié plusieurs véhicules blindés près du palais.",
            "Les garde-côtes interceptaient régulièrement des embarcations surchargées.",
        ],
        "en": [
            "The negotiators ratified a provisional agreement on quotas yesterday.",
            "Protesters had torched several armoured vehicles near the palace.",
        ],
    }[lang]
    ours = get_nlp(lang)
    index = ours.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(v, frozenset) for v in index.values())
    stock = None
    for name in MODEL_PACKAGES[lang]:  # the package get_nlp took, loaded as shipped
        try:
            stock = importlib.import_module(name).load()
            break
        except ImportError:
            continue
    shipped = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert isinstance(next(iter(shipped.values())), list)
    for text in texts:
        assert [t.lemma_ for t in ours(text)] == [t.lemma_ for t in stock(text)]


def test_a_hyphenated_country_name_stays_one_token():
    """grammar.json whole_tokens: 'Royaume-Uni' split at its hyphen was parsed as two
    subjects ('Le Royaume-', 'Uni'); kept whole, as the model keeps 'États-Unis'."""
    doc = get_nlp("fr")("Le Royaume-Uni a imposé une quarantaine.")
    assert [t.text for t in doc][:3] == ["Le", "Royaume-Uni", "a"]
    assert doc[1].dep_ == "nsubj"


def test_a_word_the_model_misreads_is_parsed_as_its_substitute():
    """grammar.json parse_substitutes: the model tags 'envers' a verb and hangs a clause on
    it; parsed as 'contre', it is a preposition of the noun after it, and the Doc keeps the
    text's own word (offsets, text, lemma)."""
    from chronique.nlp import parse_texts

    text = "Les critiques Envers Paris et envers le gouvernement se multiplient."
    (doc,) = parse_texts([text], "fr")
    assert doc.text == text
    found = [t for t in doc if t.lower_ == "envers"]
    assert [t.text for t in found] == ["Envers", "envers"]
    assert all(t.pos_ == "ADP" and t.lemma_ == "envers" for t in found)
    assert [t.head.text for t in found] == ["Paris", "gouvernement"]
    assert found[0].head.head.text == "critiques"
    stock = get_nlp("fr")(text)
    assert not any(t.pos_ == "ADP" for t in stock if t.lower_ == "envers")  # why it is needed


def test_a_substitute_must_keep_the_words_length():
    from chronique.lexicons import LexiconError
    from chronique.nlp import substitute_pattern

    assert substitute_pattern({}, "x") is None
    assert substitute_pattern({"envers": "contre"}, "x").search("Merci ENVERS eux")
    with pytest.raises(LexiconError, match="same length"):
        substitute_pattern({"envers": "vers"}, "lexicons/fr/grammar.json")
