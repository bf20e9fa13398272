"""Each extraction rule on sentences written for the purpose, with the small hand-made lexicon."""

from __future__ import annotations

from flows.core.actors import Lexicon, demonyms, extract_actors
from flows.core.compose import sentences_of
from flows.core.model import Actor


def actors_of(raw: str, lexicon: Lexicon) -> tuple[str, list[Actor]]:
    text, sentences = sentences_of(raw)
    return text, extract_actors(text, sentences, lexicon)


def article(*paragraphs: str, title: str = "A Report From the Wires") -> str:
    return "\n\n".join([title, *paragraphs])


def by_id(actors: list[Actor]) -> dict[str, Actor]:
    return {actor.actor_id: actor for actor in actors}


def surfaces(text: str, actor: Actor) -> list[str]:
    return [text[m.char_start:m.char_end] for m in actor.mentions]


def test_title_before_name_gives_person_title_and_registry_country(lexicon: Lexicon) -> None:
    raw = article("President Xi Jinping met Secretary of State Antony Blinken on Monday in the capital.")
    _, actors = actors_of(raw, lexicon)
    found = by_id(actors)
    assert found["person:xi-jinping"].title == "President"
    assert found["person:xi-jinping"].country_code == "CHN"
    assert found["person:antony-blinken"].title == "Secretary of State"


def test_abbreviated_and_compound_titles(lexicon: Lexicon) -> None:
    raw = article("Sen. Ted Cruz spoke after President-elect Joe Biden had left the hall.")
    _, actors = actors_of(raw, lexicon)
    found = by_id(actors)
    assert found["person:ted-cruz"].title == "Sen."
    assert found["person:joe-biden"].title == "President-elect"
    assert found["person:joe-biden"].country_code == "USA"


def test_country_from_title_demonym_or_country(lexicon: Lexicon) -> None:
    raw = article("U.S. Senator Marco Rubio criticised Chinese President Hu Jintao in a speech.")
    _, actors = actors_of(raw, lexicon)
    found = by_id(actors)
    assert found["person:marco-rubio"].country_code == "USA"
    assert found["person:hu-jintao"].country_code == "CHN"
    assert found["person:hu-jintao"].title == "President"


def test_apposition_organisation_gives_country(lexicon: Lexicon) -> None:
    raw = article("The talks were described by Daniel J. Kritenbrink, the top East Asia official in the State "
                  "Department, as frank.")
    _, actors = actors_of(raw, lexicon)
    person = by_id(actors)["person:daniel-kritenbrink"]
    assert person.name == "Daniel J. Kritenbrink"
    assert person.country_code == "USA"
    assert by_id(actors)["organization:usa:state-department"].type == "organization"


def test_possessive_role_and_possessive_name_give_country(lexicon: Lexicon) -> None:
    raw = article("China's leader, Li Qiang, spoke first. Kenya's Brigid Kosgei won the race.")
    _, actors = actors_of(raw, lexicon)
    found = by_id(actors)
    assert found["person:li-qiang"].country_code == "CHN"
    assert found["person:brigid-kosgei"].country_code == "KEN"


def test_description_elsewhere_in_the_sentence_gives_country_and_role(lexicon: Lexicon) -> None:
    raw = article("Antony J. Blinken landed on Sunday, becoming the first U.S. secretary of state to visit in years.")
    _, actors = actors_of(raw, lexicon)
    person = by_id(actors)["person:antony-blinken"]
    assert person.country_code == "USA"
    assert person.title == "secretary of state"


def test_particles_and_hyphens_stay_inside_names(lexicon: Lexicon) -> None:
    raw = article("Sheikh Mohammed bin Abdulrahman Al Thani met Ursula von der Leyen and Jean-Claude Juncker.")
    _, actors = actors_of(raw, lexicon)
    ids = set(by_id(actors))
    assert {"person:mohammed-bin-abdulrahman-al-thani", "person:ursula-von-der-leyen",
            "person:jean-claude-juncker"} <= ids


def test_short_forms_propagate_within_the_article(lexicon: Lexicon) -> None:
    raw = article("Antony J. Blinken met Xi Jinping in the capital.",
                  "Blinken said the talks were useful. Xi did not comment on Blinken's remarks.")
    text, actors = actors_of(raw, lexicon)
    found = by_id(actors)
    assert surfaces(text, found["person:antony-blinken"]) == ["Antony J. Blinken", "Blinken", "Blinken"]
    assert surfaces(text, found["person:xi-jinping"]) == ["Xi Jinping", "Xi"]


def test_possessive_mention_covers_the_name_only(lexicon: Lexicon) -> None:
    raw = article("Antony Blinken arrived late.", "What is on Blinken\u2019s agenda was unclear.")
    text, actors = actors_of(raw, lexicon)
    assert surfaces(text, by_id(actors)["person:antony-blinken"]) == ["Antony Blinken", "Blinken"]


def test_two_people_with_one_surname_get_two_ids(lexicon: Lexicon) -> None:
    raw = article("George Bush spoke first. Later Laura Bush thanked the crowd, and Bush smiled.")
    text, actors = actors_of(raw, lexicon)
    found = by_id(actors)
    assert surfaces(text, found["person:george-bush"]) == ["George Bush"]
    assert surfaces(text, found["person:laura-bush"]) == ["Laura Bush", "Bush"]


def test_surname_is_never_a_place(lexicon: Lexicon) -> None:
    raw = article("Antony Blinken arrived.", "The hope in Blinken's team was high, and talks with Blinken went on.")
    _, actors = actors_of(raw, lexicon)
    assert [a.actor_id for a in actors if a.name.endswith("Blinken")] == ["person:antony-blinken"]


def test_acronym_after_full_name_joins_the_organisation(lexicon: Lexicon) -> None:
    raw = article("The Federal Security Service (FSB) opened a case. The FSB later denied it.")
    text, actors = actors_of(raw, lexicon)
    org = next(a for a in actors if a.name == "Federal Security Service")
    assert org.type == "organization"
    assert surfaces(text, org) == ["Federal Security Service", "FSB", "FSB"]


def test_acronyms_that_are_not_organisations(lexicon: Lexicon) -> None:
    raw = article("NATO said GDP fell in the USA during World War II and under Louis XIV.")
    _, actors = actors_of(raw, lexicon)
    names = {a.name: a.type for a in actors}
    assert names["NATO"] == "organization"
    assert "GDP" not in names and "II" not in names and "XIV" not in names
    assert by_id(actors)["USA"].type == "country"


def test_single_word_organisations_from_context(lexicon: Lexicon) -> None:
    raw = article("Zorblat said in a statement that profits rose.", "Shares of Quixa fell sharply.",
                  "Petrobrax, the state oil company, declined to comment. A Vextor spokesperson agreed.")
    _, actors = actors_of(raw, lexicon)
    kinds = {a.name: a.type for a in actors}
    assert kinds == {"Zorblat": "organization", "Quixa": "organization", "Petrobrax": "organization",
                     "Vextor": "organization"}


def test_organisation_and_place_head_nouns(lexicon: Lexicon) -> None:
    raw = article("The Russian Emergencies Ministry sent boats to the Kerch Strait and to Karl Marx Avenue.")
    _, actors = actors_of(raw, lexicon)
    kinds = {a.name: (a.type, a.country_code) for a in actors}
    assert kinds["Russian Emergencies Ministry"] == ("organization", "RUS")
    assert kinds["Kerch Strait"] == ("place", None)
    assert kinds["Karl Marx Avenue"][0] == "place"


def test_dateline_in_capitals_is_found_by_lookup(lexicon: Lexicon) -> None:
    raw = article("MOSCOW (Reuters) - Officials said nothing more.")
    text, actors = actors_of(raw, lexicon)
    moscow = by_id(actors)["place:moscow"]
    assert moscow.country_code == "RUS"
    assert surfaces(text, moscow) == ["MOSCOW"]
    assert "Reuters" not in {a.name for a in actors if a.type != "organization"}


def test_all_caps_headline_uses_lookup_and_body_names_only(lexicon: Lexicon) -> None:
    raw = article("Antony Blinken arrived in the Chinese capital on Sunday.",
                  title="BLINKEN ARRIVES IN CHINA AFTER LONG DELAY")
    text, actors = actors_of(raw, lexicon)
    found = by_id(actors)
    assert surfaces(text, found["person:antony-blinken"]) == ["BLINKEN", "Antony Blinken"]
    assert surfaces(text, found["CHN"]) == ["CHINA"]
    assert len(actors) == 2


def test_headline_fragments_are_not_names(lexicon: Lexicon) -> None:
    raw = "\n\n".join([
        "Antony J. Blinken Arrives in Beijing, Seeking Diplomatic Progress",
        "In China, Blinken Faces Clashing Agendas and a Question: Will Xi Show Up?",
        "Antony J. Blinken touched down on Sunday. He hopes to meet Xi Jinping.",
    ])
    text, actors = actors_of(raw, lexicon)
    names = {text[m.char_start:m.char_end] for a in actors for m in a.mentions}
    assert not names & {"Clashing Agendas", "Diplomatic Progress", "Show Up", "Seeking", "Faces", "Question"}
    blinken = by_id(actors)["person:antony-blinken"]
    assert [m.sentence_index for m in blinken.mentions] == [0, 1, 2]
    assert surfaces(text, by_id(actors)["person:xi-jinping"]) == ["Xi", "Xi Jinping"]


def test_sentence_initial_ordinary_words_are_not_names(lexicon: Lexicon) -> None:
    raw = article("However, officials disagreed. Security matters most. Both sides met. Seeking calm, they left.",
                  "Initially the security talks stalled.")
    _, actors = actors_of(raw, lexicon)
    assert actors == []


def test_capital_stands_for_its_country_in_political_context(lexicon: Lexicon) -> None:
    raw = article("Beijing claims the island, and Washington disagrees. Blinken touched down in Beijing.")
    text, actors = actors_of(raw, lexicon)
    found = by_id(actors)
    assert surfaces(text, found["CHN"]) == ["Beijing"]
    assert surfaces(text, found["USA"]) == ["Washington"]
    assert found["place:beijing"].country_code == "CHN"


def test_kremlin_is_a_russian_organisation_not_a_country_mention(lexicon: Lexicon) -> None:
    raw = article("The Kremlin rejected the claim.")
    _, actors = actors_of(raw, lexicon)
    assert [(a.actor_id, a.type, a.country_code) for a in actors] == [
        ("organization:rus:kremlin", "organization", "RUS")
    ]


def test_institution_acronym_alias_joins_its_institution(lexicon: Lexicon) -> None:
    raw = article("The People\u2019s Liberation Army held drills. The PLA said they were routine.")
    text, actors = actors_of(raw, lexicon)
    org = by_id(actors)["organization:chn:peoples-liberation-army"]
    assert surfaces(text, org) == ["People\u2019s Liberation Army", "PLA"]


def test_ordinary_word_place_needs_a_preposition(lexicon: Lexicon) -> None:
    raw = article("Reading the report, she frowned. Later she moved to a flat in Reading.")
    text, actors = actors_of(raw, lexicon)
    assert [surfaces(text, a) for a in actors] == [["Reading"]]
    assert actors[0].mentions[0].char_start > text.index("flat")


def test_given_name_joined_to_a_country_name_is_a_person(lexicon: Lexicon) -> None:
    raw = article("Jordan Henderson scored twice for the visitors.")
    _, actors = actors_of(raw, lexicon)
    assert [(a.actor_id, a.type) for a in actors] == [("person:jordan-henderson", "person")]


def test_demonyms_map_to_alpha3(lexicon: Lexicon) -> None:
    table = demonyms(lexicon)
    assert table["chinese"] == "CHN"
    assert table["americans"] == "USA"


def test_result_is_sorted_and_spans_are_exact(lexicon: Lexicon) -> None:
    raw = article("Japan, South Korea and India met. Russia and China watched.", "Ukraine was not invited.")
    text, actors = actors_of(raw, lexicon)
    firsts = [a.mentions[0].char_start for a in actors]
    assert firsts == sorted(firsts)
    assert [a.actor_id for a in actors] == ["JPN", "KOR", "IND", "RUS", "CHN", "UKR"]
    for actor in actors:
        for span in actor.mentions:
            assert text[span.char_start:span.char_end] in {actor.name, "Japan", "South Korea"}
