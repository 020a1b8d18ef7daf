"""What the assistant does next in a conversation, decided without Rasa.

The actions (``actions/``) and the console's assist view turn a decision of this package
into messages; the decisions themselves — which procedure, which facets, ask or answer,
quote a policy text or admit there is none — are plain functions over the reading of the
message (:mod:`bot.language.interpret`), what the conversation remembers and the
knowledge base, tested without a server.
"""
