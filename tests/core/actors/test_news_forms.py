"""Forms common in news that once went wrong: a registry namesake over the article's own person, a country in
brackets, a title at the start of a sentence, a party and a role before a name, a person "of" a university, events
named like actors."""

from __future__ import annotations

import dataclasses

import pytest

from flows.core.actors import Lexicon, build_lexicon
from flows.core.actors.sources import Institution, Person, Place, Title
from tests.core.actors.conftest import actors_of, code_of, named, small_sources


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    sources = small_sources()
    return build_lexicon(dataclasses.replace(
        sources,
        people=(*sources.people, Person("Dmitry Medvedev", ("Medvedev",), "RUS", "GOV"),
                Person("Donald Trump", ("Trump",), "USA", "GOV"),
                # Phoenix-style rows: minor officials whose names others share
                Person("Ian Campbell", (), "AUS", "GOV", curated=False),
                Person("John Howard", (), "AUS", "GOV", curated=False),
                Person("Keir Starmer", ("Starmer",), "GBR", "PTY")),
        institutions=(*sources.institutions,
                      Institution("Liberal Democrats", ("Lib Dem", "Lib Dems"), "organization", "GBR", "PTY"),
                      Institution("Harvard University", ("Harvard",), "organization", "USA", "EDU"),
                      Institution("Conservative Party", ("Tories",), "organization", "GBR", "PTY"),
                      Institution("Labour Party", ("Labour",), "organization", "GBR", "PTY"),
                      Institution("Home Office", (), "organization", "GBR", "GOV"),
                      Institution("Supreme Court", (), "organization", "USA", "JUD"),
                      Institution("Federal Bureau of Investigation", ("FBI",), "organization", "USA", "COP"),
                      Institution("Central Intelligence Agency", ("CIA",), "organization", "USA", "SPY"),
                      Institution("Democratic Party", ("Democrats",), "organization", "USA", "PTY"),
                      Institution("Foreign, Commonwealth and Development Office", ("FCDO",), "organization",
                                  "GBR", "GOV"),
                      Institution("Imperial College London", (), "organization", "GBR", "EDU"),
                      Institution("Green Party", (), "organization", None, "PTY"),
                      Institution("Human Rights Watch", ("HRW",), "organization", None, "NGO"),
                      Institution("Amazon", (), "organization", "USA", "BUS"),
                      Institution("World Health Organization", ("WHO",), "organization", None, "IGO"),
                      Institution("Federal Reserve", ("Fed",), "organization", "USA", "GOV"),
                      Institution("CARE International", ("CARE",), "organization", None, "NGO"),
                      Institution("eBay", (), "organization", "USA", "BUS"),
                      Institution("General Motors", ("GM",), "organization", "USA", "BUS"),
                      Institution("Organisation of Islamic Cooperation", ("OIC",), "organization", None, "IGO")),
        places=(*sources.places, Place("Centre", "BFA", "region"), Place("Texas", "USA", "state"),
                Place("Isna", "EGY", "town"), Place("Budapest", "HUN", "city"), Place("Victoria", "AUS", "state"),
                Place("Melbourne", "AUS", "city"), Place("Pech", "HUN", "city")),
        capitals=(*sources.capitals, ("Victoria", "SYC"), ("The Valley", "AIA"), ("Valley", "AIA")),
        titles=(*sources.titles, Title("Environment Secretary", "GOV"), Title("Secretary", "GOV"),
                Title("Chief Minister", "GOV"), Title("Lord", "GOV"), Title("activist", "NGO")),
        given_names=sources.given_names | {"daniil", "rafael", "ivanka", "margaret", "mark", "menzies", "quentin",
                                           "doris", "yousef", "dorian"},
        common_words=sources.common_words | {"author", "environment", "chief", "spokesman", "foreign", "affairs",
                                             "grand", "master", "fed", "care", "hospice", "home"},
    ))


def test_a_surname_names_the_person_the_article_introduced_not_a_registry_namesake(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Rafael Nadal beat Daniil Medvedev in the final. Medvedev, the Russian, "
                                      "said he was tired.")
    medvedev = named(text, actors, "Medvedev")
    assert medvedev.name == "Daniil Medvedev"
    assert medvedev.country_code == "RUS"  # from "the Russian", not from the registry's Dmitry Medvedev
    assert not any(actor.name == "Dmitry Medvedev" for actor in actors)


@pytest.mark.parametrize("event", ["the Brazilian Grand Prix", "the US Open", "the World Cup",
                                   "the Commonwealth Games", "the Tour de France", "Hurricane Katrina",
                                   "Tropical Storm Imelda", "Australia Day"])
def test_an_event_names_no_actor(lexicon: Lexicon, event: str) -> None:
    _, actors = actors_of(lexicon, f"Daniil Medvedev played at {event} on Sunday.")
    assert [a.name for a in actors] == ["Daniil Medvedev"]


def test_a_registry_name_ending_a_hyphenated_surname_is_not_that_person(lexicon: Lexicon) -> None:
    _, actors = actors_of(lexicon, "Mark Lewis-Trump won the race on Sunday.")
    assert [a.name for a in actors] == ["Mark Lewis-Trump"]


def test_a_registry_name_in_other_hyphenated_words_still_counts(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "The Trump-Kim summit ended and pro-Trump groups cheered.")
    assert len(named(text, actors, "Trump").mentions) == 2


@pytest.mark.parametrize(("paragraphs", "surface", "code"), [
    # a country in brackets right after the name
    (["Daniil Medvedev of Russia won. Quentin Fillon Maillet (France) was second."], "Quentin Fillon Maillet", "FRA"),
    # a body, then a role of several words
    (["President Joe Biden spoke in Washington. Lib Dem foreign affairs spokesman Menzies Campbell said the result "
      "was bad."], "Menzies Campbell", "GBR"),
    # the placed actors are British, though Australia is named (a few times)
    (["The Tories met in Brighton. Labour and the Home Office said the Ministry of Defence was wrong.",
      "Peter Hain said the campaign borrowed its methods from Australia, where they won in Australia."],
     "Peter Hain", "GBR"),
    # the head of an international body, named before the role, acts for no country
    (["The bombing in the Philippines killed 20 in the Philippines. OIC head Yousef Al-Othaimeen condemned it."],
     "Yousef Al-Othaimeen", None),
    # a region and a role word before the name
    (["Kenya's president spoke in Nairobi. Texas lawyer Ann Smith said the deal was fair."], "Ann Smith", "USA"),
    # one placed body and no other country anywhere: its unplaced people belong there too
    (["Researchers at the University of Miami found a new frog. The lead author, Mary Jones, said it was rare."],
     "Mary Jones", "USA"),
    # generically named bodies belong to the story's country, even with the registry's country named once
    (["Hungary's Supreme Court ruled in Budapest. Hungary and Hungary agreed."], "Supreme Court", "HUN"),
    (["Hungary bought helicopters in Budapest from Hungary's neighbours; some parts are made in the United Kingdom. "
      "The Ministry of Defence in Hungary said so."], "Ministry of Defence", "HUN"),
    # ... but not a name only one state uses, nor where the story's country is no clearer
    (["The Home Office said Hungary and Hungary agreed in Budapest."], "Home Office", "GBR"),
    (["Hungary and the United Kingdom met. The Ministry of Defence said so."], "Ministry of Defence", "GBR"),
    # a placed body, a place "-based" or a demonym before a lowercase noun owns a body
    (["Imperial College London's Centre for Disease Analysis was cited in Kenya, Kenya and Kenya."],
     "Centre for Disease", "GBR"),
    (["Kenya's shops grew in Nairobi. Germany-based retailer Aldo Group and the German chain HomeMart bought them."],
     "Aldo Group", "DEU"),
    (["Kenya's shops grew in Nairobi. Germany-based retailer Aldo Group and the German chain HomeMart bought them."],
     "HomeMart", "DEU"),
    # the country after "of" places a body whose first words name another's ("Supreme Court", the USA's)
    (["The Supreme Court of Georgia ruled in Tbilisi."], "Supreme Court of Georgia", "GEO"),
    # a place head inside a body's name places nothing; a street's name says nothing of where it is
    (["Thames Valley Police arrested a man in London. Britain agreed."], "Thames Valley Police", "GBR"),
    (["The game was played on Georgia Street in Melbourne, Australia."], "Georgia Street", "AUS"),
    # a party with a generic name is the local one, unless the article names anything of the registry's country
    (["Voters in Melbourne, Australia backed the Labour Party. Australia agreed."], "Labour Party", "AUS"),
    (["Voters in Melbourne, Australia backed the Green Party. Australia agreed."], "Green Party", "AUS"),
    (["Voters in Melbourne, Australia backed the Labour Party, as in London. Australia agreed."], "Labour Party",
     "GBR"),
    (["Keir Starmer praised the Labour Party's win in Melbourne, Australia. Australia agreed."], "Labour Party",
     "GBR"),
    # a plural demonym before a list of names places each of them
    (["In Paris, two other Russians, Igor Andreev and seventh seed Mikhail Youzhny, won. France and France."],
     "Mikhail Youzhny", "RUS"),
    (["In Paris the Russians said Mary Jones won. France and France agreed."], "Mary Jones", "FRA"),
    # a country named for a stance or a family's origin is not the person's
    (["Ivan Petrov, a pro-Russian activist, spoke in Kyiv. Ukraine and Ukraine agreed."], "Ivan Petrov", "UKR"),
    (["Ann Lee, the daughter of Russian immigrants, is a teacher in Atlanta. America and America agreed."],
     "Ann Lee", "USA"),
    # Ukraine is named most, but the actors are overwhelmingly American: so are its unplaced people
    (["Ukraine, Ukraine, Ukraine and Ukraine: Donald Trump, Joe Biden, the Democrats, the FBI, the CIA, the "
      "Pentagon, the State Department and the University of Miami spoke in Washington, America, about Ukraine. "
      "Mary Jones said so in America."], "Mary Jones", "USA"),
    # ... unless it is named much less than the story's country: a strike on Kenya that Americans discuss
    (["Kenya, Kenya, Kenya and Kenya: Donald Trump, Joe Biden, the Democrats, the FBI, the CIA, the "
      "Pentagon, the State Department and the University of Miami spoke about Kenya. Mary Jones said so."],
     "Mary Jones", "KEN"),
    (["Ukraine, Ukraine, Ukraine and Ukraine: Donald Trump, Joe Biden, the Democrats, the FBI, the CIA, the "
      "Pentagon, the State Department and the University of Miami spoke in Washington, America, about Ukraine. "
      "They met near Zorivka. America agreed."], "Zorivka", "UKR"),  # ... but its unplaced places still lie in Ukraine
])
def test_what_places_an_actor(lexicon: Lexicon, paragraphs: list[str], surface: str, code: str | None) -> None:
    text, actors = actors_of(lexicon, *paragraphs)
    assert code_of(text, actors, surface) == code



_TRUMPS = "Ivanka Trump spoke at the summit. Then President Trump said he backed her."
_BECKETT = "Environment Secretary Margaret Beckett spoke in London on Monday."
_DAVIES = "Co-author Mark Davies of Harvard University said the study took years."
_CAPITALS = "An analyst at a bank in Tokyo said so. Later Beijing said it would reply."


@pytest.mark.parametrize(("paragraph", "surface", "field", "expected"), [
    (_TRUMPS, "Trump", "name", "Donald Trump"),  # a title keeps the registry's person
    (_TRUMPS, "Ivanka Trump", "name", "Ivanka Trump"),
    (_BECKETT, "Margaret Beckett", "name", "Margaret Beckett"),  # a title opening the sentence is not in the name
    (_BECKETT, "Margaret Beckett", "title", "Environment Secretary"),
    (_DAVIES, "Mark Davies", "type", "person"),  # a person "of" a university, and the university
    (_DAVIES, "Harvard University", "type", "organization"),
    (_CAPITALS, "Tokyo", "type", "place"),  # a capital after "in" is a place, even before "said"
    (_CAPITALS, "Beijing", "type", "country"),
    ("The singer Doris Day died in California.", "Doris Day", "type", "person"),  # not a holiday
    ("Residents of Jefferson Parish were told to leave.", "Jefferson Parish", "type", "place"),  # a place head
    ("The Human Rights Watch said so.", "Human Rights Watch", "type", "organization"),  # "Watch" ends the name
    ("Fires destroyed parts of the Amazon rainforest.", "Amazon", "type", "place"),
    ("Crowds met at the Emancipation Memorial on Monday.", "Emancipation Memorial", "type", "place"),
    ("Under the law, Republican Mark Hogan, the governor, must act.", "Mark Hogan", "name", "Mark Hogan"),
    # the head word's own gazetteer reading ("Centre", a region of Burkina Faso) does not place the body; Tokyo does
    ("Mary Ito of the International Longevity Centre in Tokyo said so.", "International Longevity Centre",
     "country_code", "JPN"),
])
def test_what_an_actor_is(lexicon: Lexicon, paragraph: str, surface: str, field: str, expected: str | None) -> None:
    text, actors = actors_of(lexicon, paragraph)
    assert getattr(named(text, actors, surface), field) == expected



def test_an_acronym_defined_by_the_name_after_it_names_that_body(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "The crew included RSF (Railway Security Force) staff. The RSF said so.")
    assert {a.name for a in actors} == {"Railway Security Force"}
    assert len(named(text, actors, "RSF").mentions) == 3


def test_a_currency_code_is_not_an_organisation(lexicon: Lexicon) -> None:
    _, actors = actors_of(lexicon, "The game costs USD 26.95 or EUR 25 in shops.")
    assert actors == []


@pytest.mark.parametrize(("paragraph", "names"), [
    ("Iranian news agency ISNA reported the talks.", {"ISNA"}),  # an acronym, not the Egyptian town of Isna
    ("ISNA - Farmers protested on Monday.", {"Isna"}),  # a dateline keeps the town
    ("Doctors used PET and MRI scans; DAB radio sets sold well.", set()),
])
def test_short_capitals_inside_a_sentence_are_acronyms(lexicon: Lexicon, paragraph: str, names: set[str]) -> None:
    _, actors = actors_of(lexicon, paragraph)
    assert {a.name for a in actors} == names


@pytest.mark.parametrize(("paragraph", "surface", "name", "code"), [
    # nothing in the article ties the name to the registry's minor Australian official
    ("In London, the costume maker Ian Campbell showed his work to the British press.", "Ian Campbell",
     "Ian Campbell", "GBR"),
    ("Britain's opposition met in London. Mr Howard said the vote was close.", "Howard", "Howard", "GBR"),
    # ... but a clue to the country, or an office title, does
    ("Australia's parliament met in Canberra. Ian Campbell said the vote was close.", "Ian Campbell",
     "Ian Campbell", "AUS"),
    ("In London, Senator Ian Campbell spoke to the British press.", "Ian Campbell", "Ian Campbell", "AUS"),
    ("In London, Lord Ian Campbell spoke to the British press.", "Ian Campbell", "Ian Campbell", "GBR"),  # an honour
    ("Australia's parliament met in Canberra. Mr Howard said the vote was close.", "Howard", "John Howard", "AUS"),
])
def test_a_minor_registry_official_needs_a_clue_to_their_country(
        lexicon: Lexicon, paragraph: str, surface: str, name: str, code: str | None) -> None:
    text, actors = actors_of(lexicon, paragraph)
    actor = named(text, actors, surface)
    assert (actor.name, actor.country_code) == (name, code)


@pytest.mark.parametrize(("paragraph", "surface", "name"), [
    ("Joseph R. Biden spoke in Kyiv.", "Joseph R. Biden", "Joe Biden"),  # the full stop and space of an initial
    ("Joseph R Biden spoke in Kyiv.", "Joseph R Biden", "Joe Biden"),
    ("The Foreign, Commonwealth and Development Office said so.", "Foreign, Commonwealth and Development Office",
     "Foreign, Commonwealth and Development Office"),  # a comma inside a registry name
])
def test_registry_names_written_with_punctuation(lexicon: Lexicon, paragraph: str, surface: str, name: str) -> None:
    text, actors = actors_of(lexicon, paragraph)
    assert named(text, actors, surface).name == name


@pytest.mark.parametrize(("paragraph", "surface", "code"), [
    ("Crowds gathered in Melbourne and Victoria on Monday.", "Victoria", "AUS"),  # the other names point there
    ("Crowds gathered in Victoria on Monday.", "Victoria", "SYC"),  # no clue: the first reading, the capital
])
def test_a_namesake_place_is_read_where_the_article_points(
        lexicon: Lexicon, paragraph: str, surface: str, code: str) -> None:
    text, actors = actors_of(lexicon, paragraph)
    assert code_of(text, actors, surface) == code


def test_a_known_name_opening_a_hyphenated_place_name_is_not_named(lexicon: Lexicon) -> None:
    _, actors = actors_of(lexicon, "The bones were found at Pech-de-l'Azé in France.")
    assert "HUN" not in {a.country_code for a in actors}


def test_a_journal_is_an_organisation(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "The study appeared in the journal Nature on Monday.")
    assert named(text, actors, "Nature").type == "organization"


def test_letters_abbreviating_ordinary_words_before_them_name_no_body(lexicon: Lexicon) -> None:
    _, actors = actors_of(lexicon, "She beat Grand Master (GM) Ivan Petrov in the final.")
    assert "General Motors" not in {a.name for a in actors}
    text, actors = actors_of(lexicon, "The General Motors (GM) plant closed.")
    assert len(named(text, actors, "GM").mentions) == 2


@pytest.mark.parametrize(("paragraph", "names"), [
    ("Who inspires you? The Gilchrist Hospice Care team does.", set()),  # WHO and CARE are written in capitals
    ("The Fed said rates would rise.", {"Federal Reserve"}),  # alone mid-sentence, the body's short name
    ("The WHO said so. CARE staff agreed.", {"World Health Organization", "CARE International"}),
])
def test_an_ordinary_word_is_no_body_known_by_it_in_capitals(
        lexicon: Lexicon, paragraph: str, names: set[str]) -> None:
    _, actors = actors_of(lexicon, paragraph)
    assert {a.name for a in actors if a.type == "organization"} == names


def test_a_role_noun_that_is_a_given_name_is_the_given_name() -> None:
    sources = small_sources()
    lexicon = build_lexicon(dataclasses.replace(
        sources, titles=(*sources.titles, Title("christian", "CHR"), Title("attorney", "JUD")),
        given_names=sources.given_names | {"christian"},
        people=(*sources.people, Person("Christian Lindner", (), "DEU", "GOV"))))
    text, actors = actors_of(lexicon, "Christian Petrov spoke in Kyiv. Christian Lindner and Attorney Ivan Lee agreed.")
    assert named(text, actors, "Christian Petrov").name == "Christian Petrov"
    assert named(text, actors, "Christian Lindner").country_code == "DEU"
    assert named(text, actors, "Ivan Lee").title == "Attorney"


def test_a_known_name_opening_in_lowercase_is_found_as_written(lexicon: Lexicon) -> None:
    _, actors = actors_of(lexicon, "Sellers on eBay said so. An ebay seller agreed.")
    assert [(a.name, len(a.mentions)) for a in actors] == [("eBay", 1)]


@pytest.mark.parametrize(("paragraph", "names"), [
    ("Hurricane Dorian hit Kenya. Dorian, a storm of the fifth category, killed 40.", {"Kenya"}),
    ("The fires were reported by UOL.com.br and by Portfolio.hu on Monday.", {"UOL.com.br", "Portfolio.hu"}),
])
def test_storms_name_no_one_and_web_addresses_name_their_owners(
        lexicon: Lexicon, paragraph: str, names: set[str]) -> None:
    _, actors = actors_of(lexicon, paragraph)
    assert {a.name for a in actors} == names
