"""From an article to the rows of its derived tables: sentences, actors, issues, mentions and links."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from flows.core.actors import Lexicon, extract_actors
from flows.core.article import Article
from flows.core.issues import IssueMatcher, Taxonomy, find_issue_hits
from flows.core.links import group_demonyms, link_issues, raised_by
from flows.core.model import Actor, IssueHit, Link

Row = dict[str, object]
DERIVED_TABLES = ("sentences", "actors", "issues", "mentions", "links")


@dataclass(frozen=True, slots=True)
class Extractors:
    """Everything extraction needs, compiled once per process and shared by every article."""

    lexicon: Lexicon
    taxonomy: Taxonomy
    matcher: IssueMatcher
    demonyms: Mapping[str, str]
    # The demonyms grouped by country, once, rather than by every article that links issues.
    demonyms_by_code: Mapping[str, list[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "demonyms_by_code", group_demonyms(self.demonyms))  # the dataclass is frozen


# The row builders read the article's id, run id and text into locals once: they are properties over the record,
# and a row per sentence or mention would otherwise call them thousands of times per article.


def sentence_rows(article: Article) -> list[Row]:
    text, article_id, run_id = article.text, article.article_id, article.record["run_id"]
    return [
        {
            "article_id": article_id,
            "sentence_index": s.index,
            "kind": s.kind,
            "section_index": s.section_index,
            "paragraph_index": s.paragraph_index,
            "heading": s.heading,
            "text": text[s.char_start : s.char_end],
            "char_start": s.char_start,
            "char_end": s.char_end,
            "run_id": run_id,
        }
        for s in article.sentences
    ]


def surfaces_of(actor: Actor, text: str) -> list[str]:
    """Distinct surface forms in order of first use."""
    return list(dict.fromkeys([text[m.char_start : m.char_end] for m in actor.mentions]))


def actor_rows(article: Article, actors: Sequence[Actor]) -> list[Row]:
    text, article_id, run_id = article.text, article.article_id, article.record["run_id"]
    return [
        {
            "article_id": article_id,
            "actor_id": actor.actor_id,
            "name": actor.name,
            "type": actor.type,
            "country_code": actor.country_code,
            "title": actor.title,
            "sector": actor.sector,
            "surfaces": surfaces_of(actor, text),
            "mention_count": len(actor.mentions),
            "run_id": run_id,
        }
        for actor in actors
    ]


def issue_rows(article: Article, hits: Sequence[IssueHit], links: Sequence[Link], taxonomy: Taxonomy) -> list[Row]:
    raisers = raised_by(links)
    article_id, run_id = article.article_id, article.record["run_id"]
    by_issue: dict[str, list[IssueHit]] = {}
    for hit in hits:
        by_issue.setdefault(hit.issue_id, []).append(hit)
    rows: list[Row] = []
    for issue_id, issue_hits in sorted(by_issue.items()):
        issue = taxonomy.issue(issue_id)
        rows.append(
            {
                "article_id": article_id,
                "issue_id": issue_id,
                "label": issue.label,
                "category": issue.category,
                "mention_count": len(issue_hits),
                "sentence_indexes": sorted({hit.span.sentence_index for hit in issue_hits}),
                "raised_by": raisers.get(issue_id, []),
                "taxonomy_version": taxonomy.version,
                "run_id": run_id,
            }
        )
    return rows


def mention_rows(article: Article, actors: Sequence[Actor], hits: Sequence[IssueHit]) -> list[Row]:
    # Plain tuples in sort order (start, end, kind, ref_id): sorting them needs no key function. Tuples that tie
    # on all five fields make identical rows, so their order does not matter.
    located = [
        (span.char_start, span.char_end, "actor", actor.actor_id, span.sentence_index)
        for actor in actors
        for span in actor.mentions
    ]
    located += [
        (hit.span.char_start, hit.span.char_end, "issue", hit.issue_id, hit.span.sentence_index) for hit in hits
    ]
    located.sort()
    text, article_id, run_id = article.text, article.article_id, article.record["run_id"]
    return [
        {
            "article_id": article_id,
            "kind": kind,
            "ref_id": ref_id,
            "text": text[start:end],
            "sentence_index": sentence_index,
            "char_start": start,
            "char_end": end,
            "run_id": run_id,
        }
        for start, end, kind, ref_id, sentence_index in located
    ]


def link_rows(article: Article, links: Sequence[Link]) -> list[Row]:
    article_id, run_id = article.article_id, article.record["run_id"]
    return [
        {
            "article_id": article_id,
            "actor_id": link.actor_id,
            "issue_id": link.issue_id,
            "relation": link.relation,
            "sentence_index": link.sentence_index,
            "run_id": run_id,
        }
        for link in links
    ]


def derive_rows(article: Article, extractors: Extractors) -> dict[str, list[Row]]:
    """Every derived table's rows for one article."""
    text, sentences = article.text, article.sentences
    actors = extract_actors(text, sentences, extractors.lexicon)
    hits = find_issue_hits(text, sentences, extractors.matcher)
    links = link_issues(text, sentences, actors, hits, extractors.demonyms, extractors.demonyms_by_code)
    return {
        "sentences": sentence_rows(article),
        "actors": actor_rows(article, actors),
        "issues": issue_rows(article, hits, links, extractors.taxonomy),
        "mentions": mention_rows(article, actors, hits),
        "links": link_rows(article, links),
    }

