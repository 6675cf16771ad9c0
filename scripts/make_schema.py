"""Write persnews/data/article.schema.json, the JSON Schema of ``Article.to_dict()``.

    python scripts/make_schema.py [--check]

The enumerations (token kinds, date kinds, entity labels, …) come from
persnews.model, so the schema cannot drift from the code; tests run this with
``--check`` and validate real output against the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, get_args

from persnews import model
from persnews.article import SCHEMA_VERSION

OUTPUT = Path(__file__).resolve().parent.parent / "persnews" / "data" / "article.schema.json"

INTEGER = {"type": "integer", "minimum": 0}
STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
NULLABLE_DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def record(properties: dict[str, Any], description: str) -> dict[str, Any]:
    """An object with exactly these keys, all required."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


def enum(values: tuple[str, ...], nullable: bool = False) -> dict[str, Any]:
    return {"enum": [*values, None] if nullable else list(values)}


def span(description: str, **extra: Any) -> dict[str, Any]:
    return record({"start": INTEGER, "end": INTEGER, **extra}, description)


def ref(name: str, nullable: bool = False) -> dict[str, Any]:
    target = {"$ref": f"#/$defs/{name}"}
    return {"oneOf": [target, {"type": "null"}]} if nullable else target


def array(name: str) -> dict[str, Any]:
    return {"type": "array", "items": ref(name)}


def schema() -> dict[str, Any]:
    definitions = {
        "token": span(
            "A token; text == article text[start:end].",
            text=STRING,
            norm=STRING,
            kind=enum(model.TOKEN_KINDS),
        ),
        "sentence": span(
            "A sentence and its tokens.", text=STRING, norm=STRING, tokens=array("token")
        ),
        "date": span(
            "A date, time, duration, range or set expression (DateMention.to_dict).",
            text=STRING,
            kind=enum(get_args(model.DateKind)),
            value=NULLABLE_DATE,
            end_value=NULLABLE_DATE,
            precision=enum(get_args(model.Precision), nullable=True),
            calendar=enum(get_args(model.DateCalendar), nullable=True),
            jalali=NULLABLE_DATE,
            time={"type": ["string", "null"]},
            duration=NULLABLE_STRING,
            rule=STRING,
            reason=NULLABLE_STRING,
        ),
        "number": span(
            "A number, percentage, amount of money or quantity (NumberMention.to_dict).",
            text=STRING,
            value={"type": "number"},
            kind=enum(model.NUMBER_KINDS),
            unit=NULLABLE_STRING,
            currency=NULLABLE_STRING,
            base_value={"type": ["number", "null"]},
        ),
        "entity": span(
            "A named entity; id is its index in `entities`.",
            id=INTEGER,
            text=STRING,
            label=enum(tuple(label for label in model.ENTITY_LABELS if label != "TITLE")),
            canonical=STRING,
            kind=NULLABLE_STRING,
            score={"type": "number", "minimum": 0, "maximum": 1},
            source=enum(model.ENTITY_SOURCES),
        ),
        "title": span(
            "A title or role noun (find_titles).",
            text=STRING,
            label={"const": "TITLE"},
            canonical=STRING,
            kind=NULLABLE_STRING,
            score={"type": "number", "minimum": 0, "maximum": 1},
            source=enum(model.ENTITY_SOURCES),
        ),
        "argument": span(
            "A participant of a relation: `entity` is an entity id (or null for a "
            "phrase), `text` the canonical name if linked, else the phrase.",
            entity={"type": ["integer", "null"], "minimum": 0},
            text=STRING,
        ),
        "role": span(
            "person – title – organization.",
            person=ref("argument"),
            title=STRING,
            org=ref("argument", nullable=True),
        ),
        "quote": span(
            "A reported statement.",
            speaker=ref("argument", nullable=True),
            cue=STRING,
            content=span("What was said.", text=STRING),
            direct={"type": "boolean"},
        ),
        "attribution": span(
            "Who reports the story, citing whom.",
            source=ref("argument"),
            via={"type": "array", "items": ref("argument")},
        ),
        "meeting": span(
            "A meeting, call or talks.",
            participants={"type": "array", "items": ref("argument"), "minItems": 2},
            date={
                "oneOf": [
                    span("The date mention of the event.", value=NULLABLE_DATE, text=STRING),
                    {"type": "null"},
                ]
            },
            mode=enum(get_args(model.MeetingMode), nullable=True),
            place=ref("argument", nullable=True),
        ),
    }
    article = record(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "published": {"oneOf": [DATE, {"type": "null"}]},
            "text": STRING,
            "sentences": array("sentence"),
            "dates": array("date"),
            "numbers": array("number"),
            "entities": array("entity"),
            "titles": array("title"),
            "roles": array("role"),
            "quotes": array("quote"),
            "attributions": array("attribution"),
            "meetings": array("meeting"),
        },
        "persnews.Article.to_dict(): one analyzed article. Every start/end indexes `text`.",
    )
    # pipe(as_dict=True) and `persnews analyze --jsonl` put the record's id first
    article["properties"] = {
        "id": {
            "type": ["string", "integer"],
            "description": "the input record's id (pipe(as_dict=True), analyze --jsonl); "
            "absent from Article.to_dict()",
        },
        **article["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://persnews.invalid/schema/article-{SCHEMA_VERSION}.json",
        "title": f"persnews article, schema version {SCHEMA_VERSION}",
        **article,
        "$defs": definitions,
    }


def rendered() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = rendered()
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is out of date: run python scripts/make_schema.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
