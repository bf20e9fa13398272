import pytest

from flows.core.settings import ENVIRONMENT_NAMES, RunSettings, SettingError, settings_from_env, with_overrides


def test_every_setting_has_an_environment_variable() -> None:
    assert set(ENVIRONMENT_NAMES) == set(RunSettings.__dataclass_fields__)


@pytest.mark.parametrize(("variable", "raw", "field", "value"), [
    ("AGENDA_BATCH_SIZE", "500", "batch_size", 500),
    ("AGENDA_WORKERS", "2", "workers", 2),
    ("AGENDA_LOCK_WAIT", "2.5", "lock_wait_seconds", 2.5),
    ("AGENDA_IO_RETRIES", "0", "io_retries", 0),
    ("AGENDA_DASK", "tcp://127.0.0.1:8786", "dask_address", "tcp://127.0.0.1:8786"),
    ("AGENDA_TAXONOMY", "my-taxonomy.json", "taxonomy", "my-taxonomy.json"),
])
def test_environment_sets_each_field(variable: str, raw: str, field: str, value: object) -> None:
    assert getattr(settings_from_env({variable: raw}), field) == value


@pytest.mark.parametrize(("variable", "raw"), [("AGENDA_WORKERS", "two"), ("AGENDA_WORKERS", "0"),
                                               ("AGENDA_MAX_BYTES", "-1")])
def test_unusable_values_are_refused_with_the_variable_named(variable: str, raw: str) -> None:
    with pytest.raises(SettingError, match=variable):
        settings_from_env({variable: raw})


def test_options_given_on_the_command_line_win() -> None:
    settings = with_overrides(settings_from_env({"AGENDA_WORKERS": "2"}), workers=1, batch_size=None)
    assert (settings.workers, settings.batch_size) == (1, RunSettings().batch_size)
