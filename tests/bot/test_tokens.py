"""Secrets checked before a server starts (bot.tokens)."""
import stat

import pytest

from bot.config import load_settings
from bot.tokens import WeakSecret, check_secret, generated_secret, read_secret

GOOD = "kJ3v9QpL2xWm8ZtR5yNb"


@pytest.mark.parametrize("value, said", [
    (None, "not set"), ("  ", "not set"), ("change-me", "placeholder"), ("CHANGE-ME", "placeholder"),
    ("change-me-change-me-42", "placeholder"), ("REPLACE-ME-with-a-secret", "placeholder"),
    ("aaaaaaaaaaaaaaaaaaaa", "placeholder"), ("short-but-real", "too short"),
])
def test_weak_secrets_are_refused_naming_the_variable(value, said):
    with pytest.raises(WeakSecret, match=f"YS_ACTION_TOKEN.*{said}|YS_ACTION_TOKEN is {said}"):
        check_secret("YS_ACTION_TOKEN", value)


def test_a_real_secret_passes_stripped():
    assert check_secret("YS_RASA_TOKEN", f" {GOOD}\n") == GOOD


def test_a_generated_secret_is_made_once_and_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "var" / "action_server_token"
    first = generated_secret(path)
    assert generated_secret(path) == first and len(first) >= 40
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_variable_wins_then_its_file_then_the_generated_one(tmp_path):
    env_file = str(tmp_path / "none.env")
    secret_file = tmp_path / "mounted"
    secret_file.write_text(GOOD + "\n", encoding="utf-8")
    settings = load_settings({"YS_ENV_FILE": env_file, "YS_ACTION_TOKEN_FILE": str(secret_file)})
    assert read_secret(settings, "YS_ACTION_TOKEN") == GOOD
    settings = load_settings({"YS_ENV_FILE": env_file, "YS_ACTION_TOKEN": "x" + GOOD,
                              "YS_ACTION_TOKEN_FILE": str(secret_file)})
    assert read_secret(settings, "YS_ACTION_TOKEN") == "x" + GOOD
    settings = load_settings({"YS_ENV_FILE": env_file})
    with pytest.raises(WeakSecret, match="YS_ACTION_TOKEN is not set"):
        read_secret(settings, "YS_ACTION_TOKEN")
    assert len(read_secret(settings, "YS_ACTION_TOKEN", generated=tmp_path / "gen")) >= 40
    settings = load_settings({"YS_ENV_FILE": env_file, "YS_ACTION_TOKEN_FILE": str(tmp_path / "missing")})
    with pytest.raises(WeakSecret, match="cannot read"):
        read_secret(settings, "YS_ACTION_TOKEN")
