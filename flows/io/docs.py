"""The generated docs of the repository: write docs/data-dictionary.md from the schemas, or check it is current."""

from __future__ import annotations

from pathlib import Path

from flows.core.datadict import render_data_dictionary
from flows.core.tableschema import TABLE_SCHEMAS
from flows.io.schemas import load_schemas, resolve_schema_name, schema_dir, schema_registry
from flows.io.storage import write_bytes_atomic

DATA_DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md"


def tables_by_schema() -> dict[str, str]:
    """Versioned schema name -> the table it describes ("article.v1" -> "articles"), newest version only."""
    return {resolve_schema_name(base): table for table, base in TABLE_SCHEMAS.items()}


def data_dictionary_text() -> str:
    return render_data_dictionary(load_schemas(), schema_registry(), tables_by_schema())


def data_dictionary_is_current(path: Path = DATA_DICTIONARY) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == data_dictionary_text()


def write_data_dictionary(path: Path = DATA_DICTIONARY) -> bool:
    """Regenerate the dictionary; returns whether its text changed (an unchanged file is left untouched)."""
    if data_dictionary_is_current(path):
        return False
    write_bytes_atomic(path, data_dictionary_text().encode("utf-8"))
    return True


def schema_text(name: str) -> str:
    """The published file of a schema, byte for byte as text; ``name`` as resolve_schema_name accepts it."""
    return (schema_dir() / f"{resolve_schema_name(name)}.schema.json").read_text(encoding="utf-8")
