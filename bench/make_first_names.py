"""Build `chronique/lexicons/first_names.json`: first names and the gender they most often give.

Why: a pronoun is resolved to a person of its gender, and a person the people lexicon does not
know ('Jack Blum', 'Élise Lucet') gets one from the first word of their name (`_gender_cue` in
chronique/extract/actors.py reads the first token of the person's mention, folded). The hand
list of version 1 held ~360 names and missed common ones ('Jack'); this one is counted from
civil registers of births instead.

Input (facts only, nothing else is kept: first name, sex, number of births):

* INSEE, Fichier des prénoms, 2024 edition (births in France 1900-2023 by first name, sex and
  year; `sexe;preusuel;annais;nombre`, sexe 1 = boy, 2 = girl), Licence Ouverte / Open Licence
  2.0 (Etalab): the official `prenoms-2023-nat_csv.zip` as committed to github.com/p2jh/
  PrenomsInsee, commit 55715e899c2a516a74d00e48fb29e37ca41c87c9, path
  `prenoms-2023-nat_csv.zip` (holds `prenoms-2023-nat.csv`);
* US Social Security Administration, national baby names (births in the USA 1880-2023 with
  at least 5 bearers a year; `Name,Sex,Count` in one `yobYYYY.txt` a year), a work of the US
  government, public domain: github.com/aramshiva/babies, commit
  5cbb539a286b8c1e40cb1400bf7c43b5e5b31b25, folder `names/`.

Rule. Names are compared folded (lower case, no accents, as the reader folds them), so
'Hélène' and 'HELENE' are one name. A source knows a name with at least MIN_BIRTHS births there
(INSEE counts France only, the SSA a four times larger country). Of the sources that know it,
the name's home is the one where it is the most frequent relative to all its births ('Jean'
is French, 'Mary' American), and the home decides: a sex that carries at least SHARE of the
name's births there gives the gender; below that the name is borne by both ('Dominique',
'Camille', 'Claude', 'Sasha') and is left out. A name the other source knows with the other
sex in the majority ('Jean', 'Laurence', 'Patrice' are read the French way) is printed as a
conflict; those that mislead in the news are in EXCLUDE.

Left out besides: the names in EXCLUDE (with the reason), names that are not one word of
letters (hyphens allowed: 'Jean-Pierre'), names of one letter. The names of version 1 (HAND_F,
HAND_M: common knowledge of the news, 'Volodymyr', 'Recep') are kept when the data has too
few births to know them or finds them borne by both; where the data clearly gives the other
sex, the data wins and the script says so. 'Marine' stays (Marine Le Pen): only a person's
mention is read, never 'la Marine nationale'.

Known limit: `_gender_cue` also reads a surname named alone ('Blair a ajouté') as a first
name, so a surname that is a first name of the other sex misleads; those of people in the
news are in EXCLUDE ('Blair', 'Clinton', 'Kennedy').

Spelling: INSEE's (upper case with accents: 'JEAN-PIERRE' becomes 'Jean-Pierre'), the one with
the most accents of those with at least ACCENTED births ('Éric', not the registers' 'Eric'),
else the SSA's ('Mckenzie' stays as given). The reader folds, so this is for the eye only.

Usage: python bench/make_first_names.py INSEE.csv SSA_DIR [--out PATH]. With the two
repositories cloned:

    git -C PrenomsInsee show 55715e8:prenoms-2023-nat_csv.zip > insee.zip
    unzip insee.zip                                 # prenoms-2023-nat.csv
    git -C babies archive 5cbb539 names | tar -x    # names/yob1880.txt … yob2023.txt
    python bench/make_first_names.py prenoms-2023-nat.csv names
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronique.extract.actors import fold  # noqa: E402

OUT = ROOT / "chronique" / "lexicons" / "first_names.json"
MIN_BIRTHS = {"insee": 1000, "ssa": 10000}  # births 1900-2023 in France / 1880-2023 in the USA
SHARE = 0.95  # of the name's births at home, for one sex
ACCENTED = 500  # births in France for an accented spelling to be chosen
WORD = re.compile(r"[^\W\d_]{2,}(-[^\W\d_]{2,})*")
# Folded names left out by hand, with the reason
EXCLUDE = {
    # family names first: the first word of 'Kim Jong-un', 'Moon Jae-in', 'Lee Hsien Loong'
    "kim": "Korean family name, first in the name ('Kim Jong-un')",
    "lee": "Korean and Chinese family name, first in the name ('Lee Hsien Loong')",
    "moon": "Korean family name, first in the name ('Moon Jae-in')",
    # a surname read alone ('Blair a ajouté') is taken for a first name
    "blair": "surname of Tony Blair, read alone as a first name",
    "kennedy": "surname of the Kennedys, read alone as a first name",
    "reagan": "surname of Ronald Reagan, read alone as a first name",
    "lindsey": "Lindsey Graham, US senator, a man",
    "lula": "Lula da Silva, Brazil's president, a man ('Lula' is a woman's name in the USA)",
    "clinton": "surname of Hillary and Bill Clinton, read alone as a man's first name",
    "houston": "surname of Whitney Houston, and the US city",
    "cooper": "surname (Yvette Cooper, Anderson Cooper), read alone as a first name",
    # men's names in one language, women's in another, both in the news
    "andrea": "Italian men's name (Andrea Orlando), women's in German/English (Andrea Nahles)",
    "joan": "Catalan men's name (Joan Laporta), women's in English (Joan Baez)",
    "nicola": "Italian men's name (Nicola Zingaretti), women's in English (Nicola Sturgeon)",
    # at home in one source, the other sex in the majority in the other (the script's conflicts)
    "amara": "women's name in the USA, men's in France (West Africa)",
    "augustine": "women's name in France, men's in English and in Africa",
    "jocelyn": "men's name in France, women's in the USA",
    "lois": "women's name in the USA, men's in France ('Loïs')",
    "mae": "women's name in the USA, men's in France ('Maé')",
    "marian": "women's name in the USA, men's in Poland and Romania",
    "toni": "women's name in the USA, men's in Europe (Toni Kroos)",
    "vivian": "women's name in the USA, men's elsewhere (Vivian Balakrishnan)",
    # common words, places and titles that open capitalised phrases
    "france": "the country ('France Télévisions', 'France Inter')",
    "israel": "the country",
    "india": "the country",
    "malaysia": "the country",
    "chad": "the country's English name",
    "chelsea": "the football club and London district",
    "brooklyn": "the New York borough",
    "albanie": "the country in French",
    "louisiane": "the US state in French",
    "alberta": "the Canadian province",
    "odessa": "the Ukrainian city",
    "medina": "the Saudi city, and a Spanish surname",
    "sanaa": "the capital of Yemen",
    "tasnim": "the Iranian news agency",
    "even": "an English word",
    "german": "an English word ('German Chancellor Olaf Scholz')",
    "georgia": "the country and US state",
    "virginia": "US state",
    "carolina": "US states",
    "washington": "US capital and state",
    "madison": "'Madison Square Garden', US city",
    "jo": "'les JO' (Jeux olympiques); men and women alike in English (Jo Johnson, Jo Cox)",
    "prince": "a title ('Prince Harry', 'Prince Charles'), not a first name in the news",
    "princess": "a title",
    "king": "a title, and a surname (Billie Jean King, Martin Luther King)",
    "queen": "a title",
    "major": "a military rank",
    "pape": "a title ('Pape François')",
    "reine": "a title ('Reine Elizabeth')",
    "roi": "a title",
}
# Version 1: the hand list (common knowledge of French and international news)
HAND_F = """Agnès Amina Amélie Ana Angela Angelina Anna Anne Annie Audrey Aurore Aurélie Aïcha
Barbara Benazir Beyoncé Brigitte Camilla Caroline Catherine Chantal Charlotte Chloé Christine
Claire Clémentine Condoleezza Cécile Deborah Delphine Diana Ekaterina Elena Elisabeth Elise
Elizabeth Elodie Emily Emma Emmanuelle Fabienne Fatima Federica Florence Françoise Gabrielle
Geneviève Giorgia Golshifteh Greta Hannah Hillary Hélène Indira Irina Isabelle Ivanka Jacinda
Jacqueline Jeanne Jennifer Jessica Julia Julie Juliette Kamala Karen Karine Kate Kristalina
Laetitia Laura Laure Laurence Leila Leïla Linda Lisa Louise Lucie Léa Madeleine Madonna Malala
Manon Margaret Maria Marie Marine Marion Marlène Martine Mary María Mathilde Maud Meghan Melania
Meryl Michelle Michèle Monique Muriel Myriam Nadine Najat Nancy Natalia Natalya Nathalie Nawal
Nicole Nikki Olga Olivia Oprah Pascale Patricia Pauline Rachel Rachida Rama Raphaëlle Rihanna
Rose Roselyne Sabine Samia Sandra Sandrine Sarah Scarlett Sibeth Simone Sonia Sophie Stéphanie
Susan Svetlana Sylvie Ségolène Tatiana Theresa Ursula Valérie Virginie Véronique Yaël Yulia
Zineb Élisabeth Élise Élodie""".split()
HAND_M = """Abdel Abdelaziz Abdelmadjid Adrien Ahmed Alain Alassane Alexandre Alexei Alexeï
Alexis Ali Andrew Andrzej Andrés Angelo Anthony Antoine Antonio António Ariel Arnaud Arthur
Bachar Barack Bastien Benjamin Benoit Benoît Benyamin Bernard Bernie Bill Boris Brad Bruno
Carlos Charles Christophe Chuck Clément Cyril Cédric Damien Daniel David Denis Didier Dimitri
Dmitri Dmitry Donald Ebrahim Edouard Edward Ehud Emmanuel Eric Fabien Felipe Florian Francis
Franck Frank-Walter François François-Xavier Frédéric Gabriel George Georges Gerhard Gilles
Giuseppe Gordon Guillaume Gérald Gérard Harry Hassan Helmut Henri Hervé Hosni Hugo Hussein
Ibrahim Idriss Jacob Jacques Jair James Jean Jean-Baptiste Jean-Christophe Jean-Claude
Jean-François Jean-Jacques Jean-Louis Jean-Luc Jean-Marc Jean-Marie Jean-Michel Jean-Paul
Jean-Pierre Jean-Vincent Jean-Yves Jeff Jens Joe John Johnny Jordan Joël Juan Julien Justin
Jérôme Kanye Karim Karl Kylian Kyriakos Laurent Lech Leonardo Lionel Louis Luc Lucas Luis Macky
Mahmoud Manuel Marc Marcel Marcelo Mario Mark Mateusz Mathieu Matteo Matthieu Maxime Mehdi
Michael Michel Mike Mitch Mohamed Mohammed Mouammar Narendra Nelson Nicolas Nicolás Olaf Olivier
Omar Patrick Paul Pedro Petro Philip Philippe Pierre Pierre-Yves Rachid Raphaël Recep René Rex
Richard Robert Roger Rémi Saddam Sebastian Serge Sergei Sergueï Shinzo Silvio Stefan Steve
Steven Stéphane Sylvain Sébastien Ted Thierry Thomas Tom Tony Uhuru Valéry Viktor Vincent
Vladimir Volodymyr William Wolfgang Xavier Yannick Yitzhak Yves Édouard Éric""".split()
SOURCE = (
    "INSEE, Fichier des prénoms, édition 2024 (births in France 1900-2023 by first name and "
    "sex, published on https://www.insee.fr), under the Licence Ouverte / Open "
    "Licence 2.0 (Etalab, https://www.etalab.gouv.fr/licence-ouverte-open-licence): file "
    "prenoms-2023-nat_csv.zip from github.com/p2jh/PrenomsInsee, commit "
    "55715e899c2a516a74d00e48fb29e37ca41c87c9; US Social Security Administration, national "
    "baby names 1880-2023 (https://www.ssa.gov/oact/babynames/), a work of the US government "
    "in the public domain: names/yob1880.txt … yob2023.txt from github.com/aramshiva/babies, "
    "commit 5cbb539a286b8c1e40cb1400bf7c43b5e5b31b25; and the hand list of version 1 "
    "(chronique authors, common knowledge of the news). Only first names, sex and numbers of "
    "births are used. Generated by bench/make_first_names.py."
)
COMMENT = (
    "First names and the gender they most often give their bearer, for a person the people "
    "lexicon does not know ('Élise Lucet' is a woman: 'il' is not her); only the first word "
    "of a name is read, folded (no case, no accents). Counted from births: a name with at "
    f"least {MIN_BIRTHS['insee']} births in France (INSEE) or {MIN_BIRTHS['ssa']} in the USA "
    "(SSA) is judged where it is the most frequent, and kept when one sex carries at least "
    f"{SHARE:.0%} of its births there; names borne by men and women alike ('Dominique', "
    "'Camille', 'Claude') are left out, and so are family names written first ('Kim'), "
    "titles and words that open other phrases ('Prince', 'France'). Names of the version 1 "
    "hand list that the data does not know are kept ('Volodymyr')."
)


def _display(name: str) -> str:
    """'JEAN-PIERRE' → 'Jean-Pierre' (INSEE writes upper case); 'Mckenzie' stays."""
    if not name.isupper():
        return name
    return "-".join(p[:1] + p[1:].lower() for p in name.split("-"))


def read_insee(path: Path) -> dict[str, Counter]:
    """Name → Counter of births by sex ('m', 'f'), over all years (the INSEE spelling)."""
    births: dict[str, Counter] = defaultdict(Counter)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            name = row["preusuel"]
            if name.startswith("_"):  # _PRENOMS_RARES: the names too rare to be given
                continue
            births[name]["m" if row["sexe"] == "1" else "f"] += int(row["nombre"])
    return births


def read_ssa(folder: Path) -> dict[str, Counter]:
    births: dict[str, Counter] = defaultdict(Counter)
    files = sorted(folder.glob("yob*.txt"))
    if not files:
        raise SystemExit(f"no yob*.txt in {folder}")
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                name, sex, count = line.strip().split(",")
                births[name]["m" if sex == "M" else "f"] += int(count)
    return births


def verdicts(sources: dict[str, dict[str, Counter]]) -> tuple[dict, dict, list]:
    """Folded name → (gender or None when borne by both, spelling); the conflicts."""
    totals = {s: sum(sum(c.values()) for c in b.values()) for s, b in sources.items()}
    folded: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    spellings: dict[str, Counter] = defaultdict(Counter)
    for s, births in sources.items():
        for name, c in births.items():
            if not WORD.fullmatch(name):
                continue
            key = fold(name)
            folded[key][s].update(c)
            spellings[key][(s, _display(name))] += sum(c.values())
    genders, conflicts = {}, []
    for key, by_source in folded.items():
        known = {s: c for s, c in by_source.items() if c.total() >= MIN_BIRTHS[s]}
        if not known:
            continue
        home = max(known, key=lambda s: known[s].total() / totals[s])
        sex, n = known[home].most_common(1)[0]
        gender = sex if n / known[home].total() >= SHARE else None
        for s, c in known.items():
            if gender and s != home and c[gender] < c.total() / 2:
                conflicts.append((key, home, dict(known[home]), s, dict(c)))
        genders[key] = gender
    spelling = {key: _spelling(c) for key, c in spellings.items()}
    return genders, spelling, conflicts


def _spelling(births: Counter) -> str:
    """The name as the news writes it: INSEE's spelling with the most accents among those with
    at least ACCENTED births ('Éric', 'Élise': the registers often drop the accent on a
    capital), else the spelling with the most births."""
    insee = [(n, c) for (s, n), c in births.items() if s == "insee" and c >= ACCENTED]
    if insee:
        return max(insee, key=lambda nc: (sum(not ch.isascii() for ch in nc[0]), nc[1]))[0]
    return max(births.items(), key=lambda kc: kc[1])[0][1]


def build(insee: Path, ssa: Path) -> tuple[dict[str, list[str]], list[str]]:
    genders, spelling, conflicts = verdicts({"insee": read_insee(insee), "ssa": read_ssa(ssa)})
    notes = [f"conflict: {k} at home in {h} {hc}, in {o} {oc}" for k, h, hc, o, oc in conflicts]
    chosen = {k: (g, spelling[k]) for k, g in genders.items() if g and k not in EXCLUDE}
    for gender, hand in (("f", HAND_F), ("m", HAND_M)):
        for name in hand:
            key = fold(name)
            data = genders.get(key)
            if data is None:
                chosen.setdefault(key, (gender, name))
                if key in genders:
                    notes.append(f"hand: {name} ({gender}) borne by both in the data, kept")
                if key in EXCLUDE:
                    notes.append(f"hand: {name} ({gender}) kept despite EXCLUDE")
            elif data != gender:
                notes.append(f"hand: {name} ({gender}) is {data} in the data: the data wins")
    lists: dict[str, list[str]] = {"f": [], "m": []}
    for gender, name in chosen.values():
        lists[gender].append(name)
    for names in lists.values():
        names.sort()
    return lists, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("insee", type=Path, help="INSEE prenoms-2023-nat.csv")
    parser.add_argument("ssa", type=Path, help="folder of SSA yobYYYY.txt files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    lists, notes = build(args.insee, args.ssa)
    lexicon = {"version": "2", "source": SOURCE, "comment": COMMENT, **lists}
    args.out.write_text(json.dumps(lexicon, ensure_ascii=False, indent=1) + "\n", "utf-8")
    for note in notes:
        print(note, file=sys.stderr)
    counts = {g: len(n) for g, n in lists.items()}
    print(f"first names written to {args.out}: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
