"""The machine translator is chosen by setting: DeepL with DEEPL_API_KEY, none without,
wagtail-localize's dummy translator in tests (nothing reaches the network)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.dummy import DummyTranslator

REPO = Path(__file__).resolve().parents[2]
SCRIPT = (
    "from wagtail_localize.machine_translators import get_machine_translator as g; t = g(); "
    "print(type(t).__name__ if t else None, t.get_api_endpoint() if t else '')"
)


def translator_in_dev_settings(**env_overrides) -> str:
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DEEPL_API_KEY"}}
    env.update({"DJANGO_SETTINGS_MODULE": "praxis.settings.dev", **env_overrides})
    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "shell", "--no-imports", "-c", SCRIPT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_deepl_is_used_when_its_key_is_in_the_environment():
    assert translator_in_dev_settings(DEEPL_API_KEY="0000-test:fx") == (
        "DeepLTranslator https://api-free.deepl.com/v2/translate"
    )


def test_no_machine_translator_without_a_key():
    assert translator_in_dev_settings() == "None"


@pytest.mark.django_db
def test_tests_use_the_dummy_translator():
    assert isinstance(get_machine_translator(), DummyTranslator)
