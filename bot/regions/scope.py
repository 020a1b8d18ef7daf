"""Which policy documents a message may be checked against, by the region it came in through.

For the NLU (``nlu_components/``): the procedure classifier's policy-question check and the
clause search look in every stored document today. A message's metadata carries its
conversation's region (``region``, written by the channel: ``bot.channels.regions``), so
the check can look in that region's documents first — its own, those of the regions
above it and the shared ones (:meth:`bot.regions.Regions.documents_of`) — exactly those
the chat quotes from (``bot.conversation.region``)::

    scopes = DocumentScopes.load(knowledge_dir, settings.default_region)
    hit = clauses.answer(text, within=scopes.of_message(message_metadata))

A message without a region is the default region's; one naming a region the deployment
does not have gets ``None`` (every document, as before) rather than another region's.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.regions.loader import load_regions
from bot.regions.model import Regions

#: The metadata key the channels write the conversation's region under (``bot.channels.regions.REGION_KEY``).
REGION_KEY = "region"


@dataclass(frozen=True)
class DocumentScopes:
    """The ids of the stored documents (``seed_004``) that apply in each region, computed once."""

    regions: Regions
    default_region: str
    _by_region: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, knowledge_dir: Path, default_region: str) -> DocumentScopes:
        """The scopes of ``knowledge_dir/regions/``.

        Raises:
            bot.knowledge.errors.KnowledgeError: a region file is invalid.
        """
        return cls(load_regions(knowledge_dir), default_region)

    def of_region(self, region: str | None) -> frozenset[str] | None:
        """The document ids that apply in ``region`` (``None``/empty: the default region's);
        ``None`` (every document) for a region the deployment does not have."""
        wanted = region or self.default_region
        if wanted not in self.regions:
            return None
        if wanted not in self._by_region:
            self._by_region[wanted] = frozenset(d.source_id for d in self.regions.documents_of(wanted) if d.source_id)
        return self._by_region[wanted]

    def of_message(self, metadata: Mapping[str, Any] | None) -> frozenset[str] | None:
        """The document ids for a message whose metadata is ``metadata`` (its ``region``)."""
        region = metadata.get(REGION_KEY) if isinstance(metadata, Mapping) else None
        return self.of_region(region if isinstance(region, str) else None)
