"""Imported once in the fork server that extract's worker processes fork from.

It loads the model that `PRELOAD_MODEL_ENV` names (JSON: the model's name, the
components to disable and the path of a `RegexStore`), so every worker starts with
the model already loaded, `load_nlp`'s cache filled, instead of each loading it. When the variable is
unset or the load fails, nothing is loaded here and each worker loads the model
itself, where an error reaches the stage's log.
"""

import json
import os

from pipeline.nlp import PRELOAD_MODEL_ENV, load_nlp
from pipeline.regex_store import RegexStore


def _load() -> None:
    spec = os.environ.get(PRELOAD_MODEL_ENV)
    if not spec:
        return
    try:
        name, disable, store = json.loads(spec)
        with RegexStore(store).active():
            load_nlp(name, tuple(disable))
    except Exception:  # noqa: BLE001 - the workers load it again and report the error
        return


_load()
