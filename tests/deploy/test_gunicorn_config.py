"""The gunicorn settings shipped in deploy/ (``deploy/gunicorn.conf.py``): the app is loaded
once, and what it loaded is frozen before each worker is forked, so that a worker's full
garbage collection does not walk it."""

import gc
import runpy
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


def test_the_loaded_app_is_frozen_before_each_fork():
    config = runpy.run_path(str(CONFIG))
    assert config["preload_app"] is True
    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        config["pre_fork"](server=None, worker=None)
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the loaded modules, settings and test session's objects
    finally:
        gc.unfreeze()
