"""Password hashing (bcrypt) and the one rule passwords must follow.

bcrypt looks at the first 72 bytes only; longer passwords are refused rather than
silently cut. The cost (``rounds``) is kept inside each hash, so raising it later
only affects new and changed passwords.
"""
from __future__ import annotations

import functools

import bcrypt

from bot.staff.errors import WeakPassword

MIN_LENGTH = 10
MAX_BYTES = 72
DEFAULT_ROUNDS = 12


def check_strength(password: str) -> None:
    """At least 10 characters, at most 72 bytes, not only digits, not one repeated character.

    Raises:
        WeakPassword: with the reason in Chinese.
    """
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"密码至少{MIN_LENGTH}个字符")
    if len(password.encode("utf-8")) > MAX_BYTES:
        raise WeakPassword(f"密码不能超过{MAX_BYTES}字节")
    if password.isdigit() or len(set(password)) < 4:
        raise WeakPassword("密码过于简单:请混合字母、数字或符号")


def hash_password(password: str, rounds: int = DEFAULT_ROUNDS) -> str:
    """Hashes a password that passed :func:`check_strength`."""
    check_strength(password)
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=max(4, rounds))).decode("ascii")


def verify_password(password: str, hashed: str) -> bool:
    """Checks ``password`` against a stored hash (constant time inside bcrypt)."""
    data = password.encode("utf-8")
    if len(data) > MAX_BYTES:
        return False
    try:
        return bcrypt.checkpw(data, hashed.encode("ascii"))
    except ValueError:
        return False


@functools.lru_cache(maxsize=4)
def dummy_hash(rounds: int = DEFAULT_ROUNDS) -> str:
    """A hash to check against for unknown usernames, so both paths take as long."""
    return bcrypt.hashpw(b"no such user, same work", bcrypt.gensalt(rounds=max(4, rounds))).decode("ascii")
