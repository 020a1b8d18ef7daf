"""Knowledge-file toolkit: declarative specs, YAML reading with lines, one error style.

Every loader of a file under ``knowledge/`` (procedures, departments, SLA policies,
holiday overrides, complaint categories, ticket routes, language and sources) reads
it with :func:`~bot.knowledge.yamlfile.read_yaml` (usually through a
:class:`~bot.knowledge.files.FileCheck`), checks it against a :mod:`~bot.knowledge.spec`
and its own rules, and raises one :class:`~bot.knowledge.errors.KnowledgeError`
listing every problem as ``file:line: field: message``. This package imports nothing
else of ``bot``: it sits in the foundation layer.
"""
from bot.knowledge.errors import Issue, KnowledgeError
from bot.knowledge.files import FileCheck, display_name, issues_of
from bot.knowledge.yamlfile import YamlDocument, read_yaml

__all__ = ["FileCheck", "Issue", "KnowledgeError", "YamlDocument", "display_name", "issues_of", "read_yaml"]
