"""Knowledge-file toolkit: declarative specs, YAML reading with lines, one error style.

Every loader of a file under ``knowledge/`` (procedures, departments, SLA policies,
holiday overrides, complaint categories, ticket routes, language and sources) reads
it with :func:`~bot.knowledge.yamlfile.read_yaml`, checks it against a
:mod:`~bot.knowledge.spec`, and raises one :class:`~bot.knowledge.errors.KnowledgeError`
listing every problem as ``file:line: field: message``. This package imports nothing
else of ``bot``: it sits in the foundation layer.
"""
from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.yamlfile import YamlDocument, read_yaml

__all__ = ["Issue", "KnowledgeError", "YamlDocument", "read_yaml"]
