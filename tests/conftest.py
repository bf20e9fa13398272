"""Shared test fixtures: paths to the repository's and ../shared's material."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "seeds" / "000_0fa8b2d5397bbe8a.txt"
WIKINEWS = REPO / "tests" / "fixtures" / "wikinews"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    """What a careful reader finds in the seed (../shared/seeds/expected.json)."""
    import json

    path = SHARED / "seeds" / "expected.json"
    if not path.exists():
        pytest.skip("../shared/seeds/expected.json is not beside this checkout")
    return json.loads(path.read_text("utf-8"))[SEED.name]
