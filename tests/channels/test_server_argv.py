"""The argument list bot.channels.server hands to Rasa's own command line."""
import secrets

from rasa.__main__ import create_argument_parser

from bot.channels.server import rasa_argv
from bot.config import parse_settings


def test_a_token_starting_with_a_dash_reaches_rasa_as_the_token(tmp_path, monkeypatch):
    # found when `make run` would not start: «rasa run: error: argument -t/--auth-token: expected
    # one argument» for a generated token that began with «-» (secrets.token_urlsafe's alphabet)
    token = "-Yq" + secrets.token_urlsafe(32)
    action = secrets.token_urlsafe(32)
    settings = parse_settings({"YS_RASA_TOKEN": token, "YS_ACTION_TOKEN": action, "YS_VAR_DIR": str(tmp_path)})
    monkeypatch.setenv("YS_ACTION_TOKEN", action)
    argv = rasa_argv(["run", "--enable-api", "--port", "5999"], settings)
    parsed = create_argument_parser().parse_args(argv)
    assert parsed.auth_token == token and parsed.port == 5999
