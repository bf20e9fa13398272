"""Prefect defaults for a quiet, fast, local-first run: applied before Prefect is imported, never over a user's choice.

Importing this module is cheap (standard library only): `agenda` calls `apply_prefect_defaults()` first thing, and
only then imports Prefect, which reads its settings from the environment once, at import time.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys
import types
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any

_DEFAULTS = {
    # The ephemeral server's telemetry prints "database is locked" tracebacks on every run otherwise.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    # The first ephemeral start on a machine migrates a new database, which takes longer than Prefect's default wait.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # The rest only shape a server this process starts itself (ephemeral or the warm local one); a server named by
    # PREFECT_API_URL keeps its own configuration. Our flows use no blocks and no automations.
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_LOGGER_ENABLED": "false",
}

# jsonschema imports rfc3987_syntax when it is installed (the format-nongpl extra), and that module builds an Earley
# parser for the whole IRI grammar at import time: 1.0-1.6 s of every start, paid by Prefect's import and ours, for
# a check ("iri" formats) that our schemas never ask for. Each deferred module names the functions other modules
# import from it by name (`from rfc3987_syntax import is_valid_syntax` in jsonschema._format).
DEFERRED_MODULES: dict[str, tuple[str, ...]] = {"rfc3987_syntax": ("is_valid_syntax",)}


# Set by flows.io.prefect_start when it points PREFECT_API_URL at the warm local server it runs.
LOCAL_API_VARIABLE = "AGENDA_LOCAL_PREFECT_API"


def prefect_defaults() -> dict[str, str]:
    """The environment defaults `apply_prefect_defaults` sets where the user has not."""
    return dict(_DEFAULTS)


def apply_prefect_defaults() -> None:
    for name, value in _DEFAULTS.items():
        os.environ.setdefault(name, value)
    defer_heavy_imports()
    # Prefect's event sender counts down its queue at exit as warnings ("Still processing items"): not news to users.
    logging.getLogger("EventsWorker").setLevel(logging.ERROR)


def defer_heavy_imports() -> None:
    """Stand-ins for the modules that are slow to import and seldom used. Process-local: worker processes (which
    inherit the environment but not sys.modules) need their own call, e.g. at import time of the main module."""
    for name, functions in DEFERRED_MODULES.items():
        defer_module(name, functions)


def load_real_module(name: str) -> types.ModuleType:
    """Swap the stand-in for the real module, importing it now."""
    stand_in = sys.modules.pop(name, None)
    try:
        return importlib.import_module(name)
    except BaseException:
        if stand_in is not None:
            sys.modules[name] = stand_in
        raise


def deferred_function(module: str, attribute: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(load_real_module(module), attribute)(*args, **kwargs)

    call.__name__ = attribute
    call.__qualname__ = f"{module}.{attribute}"
    return call


def deferred_attribute(module: str) -> Callable[[str], Any]:
    def get(attribute: str) -> Any:
        # The import system probes modules for __path__, __file__ and the like: those must not load the real one.
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(load_real_module(module), attribute)

    return get


def stand_in_module(name: str, functions: tuple[str, ...]) -> types.ModuleType:
    """A module whose `functions`, and any other attribute asked for, load the real module on first use."""
    stand_in = types.ModuleType(name, f"stand-in for {name}, imported on first use")
    for function in functions:
        setattr(stand_in, function, deferred_function(name, function))
    stand_in.__getattr__ = deferred_attribute(name)  # type: ignore[attr-defined]
    stand_in.__agenda_deferred__ = True  # type: ignore[attr-defined]
    return stand_in


def is_deferred(name: str) -> bool:
    return bool(getattr(sys.modules.get(name), "__agenda_deferred__", False))


def defer_module(name: str, functions: tuple[str, ...]) -> bool:
    """Put a stand-in for `name` in sys.modules unless it is imported already or not installed; True if put."""
    if name in sys.modules or importlib.util.find_spec(name) is None:
        return False
    sys.modules[name] = stand_in_module(name, functions)
    return True


def api_is_local(environ: Mapping[str, str]) -> bool:
    """True when the API is one we start ourselves (Prefect's ephemeral one or our warm one), not the user's."""
    url = environ.get("PREFECT_API_URL")
    return not url or url == environ.get(LOCAL_API_VARIABLE)


def quiet_flow_settings(environ: Mapping[str, str] | None = None) -> AbstractContextManager[Any]:
    """Settings to wrap a flow call in (after Prefect is imported). On a local API, no flow-run heartbeats: nothing
    there watches them (automations are off), and stopping their thread costs up to 1 s at the end of every run.
    On a server the user named, Prefect's own settings stand, so crashed runs are still detected there."""
    if not api_is_local(os.environ if environ is None else environ):
        return nullcontext()
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
