"""Rasa SDK actions: thin adapters that read slots, call ``bot``, and utter responses.

The action server imports every module here and registers each concrete ``Action``:
modules do no work at import time (no files, no database, no network).
"""
