"""`agenda schema [NAME]` and `agenda docs [--check]`: print the published schemas, write or check the data dictionary.

Regenerate the dictionary after changing a schema with ``python -m flows.schema_docs`` (add ``--check`` to only
compare).
"""

from __future__ import annotations

import sys
from pathlib import Path

from flows.io.docs import DATA_DICTIONARY, data_dictionary_is_current, schema_text, write_data_dictionary
from flows.io.schemas import load_schemas

EXIT_OK, EXIT_STALE, EXIT_UNKNOWN = 0, 1, 2


def schema_listing() -> list[str]:
    """One line per schema: name, $id and title, in aligned columns."""
    schemas = load_schemas()
    rows = [(name, schema.get("$id", ""), schema.get("title", "")) for name, schema in sorted(schemas.items())]
    name_width = max((len(name) for name, _, _ in rows), default=0)
    id_width = max((len(schema_id) for _, schema_id, _ in rows), default=0)
    return [f"{name:<{name_width}}  {schema_id:<{id_width}}  {title}".rstrip() for name, schema_id, title in rows]


def schema_command(name: str | None) -> int:
    """Print the schema NAME ("article", "article.v1"...) as published, or list every schema when NAME is None."""
    if name is None:
        print("\n".join(schema_listing()))
        return EXIT_OK
    try:
        text = schema_text(name)
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return EXIT_UNKNOWN
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def docs_command(check: bool, *, path: Path = DATA_DICTIONARY) -> int:
    """Write docs/data-dictionary.md from the schemas, or with ``check`` only report whether it is current."""
    if check:
        if data_dictionary_is_current(path):
            print(f"{path.name} is current")
            return EXIT_OK
        print(f"{path.name} is stale: regenerate it with `python -m flows.schema_docs`", file=sys.stderr)
        return EXIT_STALE
    changed = write_data_dictionary(path)
    print(f"{'wrote' if changed else 'unchanged:'} {path.name}")
    return EXIT_OK

if __name__ == "__main__":
    sys.exit(docs_command(check="--check" in sys.argv[1:]))
