"""find_relations on the hand-annotated articles in tests/data/relations.

24 articles in agency style (written for this suite, with their expected
roles, quotes, attributions and meetings; see tests/data/relations/README.md),
scored by scripts/eval_relations.py.  The floors are the scores reached when
they were set: a change that loses relations fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import script

GOLD = Path(__file__).resolve().parent / "data" / "relations"

#: relation type -> (precision, recall) floors
FLOORS = {
    "roles": (0.95, 0.90),
    "quotes": (0.95, 0.95),
    "attributions": (1.0, 1.0),
    "meetings": (0.95, 0.85),
}


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    evaluation = script("eval_relations")
    items = evaluation.articles([GOLD])
    assert len(items) >= 24
    result: dict[str, dict[str, float]] = evaluation.evaluate(items)
    return result


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_relations_reach_their_floors(scores: dict[str, dict[str, float]], kind: str) -> None:
    precision, recall = FLOORS[kind]
    assert scores[kind]["precision"] >= precision, scores[kind]
    assert scores[kind]["recall"] >= recall, scores[kind]


def test_the_articles_cover_every_relation_type(scores: dict[str, dict[str, float]]) -> None:
    for kind in FLOORS:
        assert scores[kind]["expected"] >= 15, kind
