"""Stage 2, derive: sentences, actors, issues, mentions and links for a batch of articles."""

from __future__ import annotations

from collections.abc import Sequence

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.core.article import Article
from flows.core.derive import DERIVED_TABLES, Extractors, Row, derive_rows


@task(name="derive-batch", cache_policy=NO_CACHE)
def derive_batch(articles: Sequence[Article], extractors: Extractors) -> dict[str, list[Row]]:
    """All derived rows of the batch, table by table, in article order."""
    tables: dict[str, list[Row]] = {"articles": [article.record for article in articles]}
    tables.update({name: [] for name in DERIVED_TABLES})
    for article in articles:
        for name, rows in derive_rows(article, extractors).items():
            tables[name].extend(rows)
    return tables
