"""What every screen is handed: store, settings (and their file), farewell inputs, clipboard, clock.

`make_app` builds one `AppContext` and each screen receives it in its constructor, so no screen
reaches into the App for a service and every dependency is typed. The store in it belongs to the
UI thread (see `Store.reader` for the rule): a worker opens a reader of its own or is handed
plain data, never this object's connection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from prune.core.config import Config
from prune.core.farewell.settings import FarewellSettings
from prune.core.state.store import Store
from prune.tui.copying import SystemCopy


@dataclass
class FarewellInputs:
    """What a farewell is rendered from besides the contact and the day.

    Not frozen for one reason: a name the user gives at first launch (see `first_name`) signs
    the farewells of the run at once, on every screen holding the context.
    """

    templates: Mapping[str, str]
    """Tone name -> template, in the order `t` cycles through them."""
    default_tone: str
    my_name: str | None
    """The user's first name for `{my_name}`, read once when the app starts."""

    @property
    def tones(self) -> list[str]:
        return list(self.templates)

    def sign_with(self, name: str) -> None:
        """Sign the farewells with `name` from now on."""
        self.my_name = name

    def settings(self, today: date) -> FarewellSettings:
        """These inputs with the day `{years}` counts to, as the farewell renderers take them."""
        return FarewellSettings(
            templates=self.templates,
            my_name=self.my_name,
            today=today,
            default_tone=self.default_tone,
        )


@dataclass(frozen=True)
class AppContext:
    """The services and settings of one run of the app; screens read them, never the App."""

    store: Store
    snapshot_id: int
    config: Config
    farewell: FarewellInputs
    system_copy: SystemCopy
    today: Callable[[], date]
    """The day farewells and ages are counted from (fixed in tests)."""
    pace_clock: Callable[[], float]
    """Monotonic seconds, for the time left at the user's pace."""
    config_path: Path | None = None
    """The settings file `config` was read from, where the app saves what the user asks it to
    (their name, a saved filter); None when there is no file to write to."""

    @property
    def data_dir(self) -> Path:
        """The folder of the state file, where the evidence cache lives beside it."""
        return self.store.path.parent
