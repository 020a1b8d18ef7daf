"""Which legal clock a ticket runs on, recognised from what the enterprise says.

``knowledge/ticket_routes.yml`` holds the words (:mod:`bot.routes.lexicon` loads and
checks it); :func:`bot.routes.recognise.recognise` reads a message with it. The chat's
ticket form and the console's assist view both call these, so a caller and a chat
user saying the same words get the same rule. No Rasa, no database here: whether a
claimed supervisor is registered is the ticket service's check at filing.
"""
from bot.routes.lexicon import RouteLexicon, Sector, load_routes
from bot.routes.recognise import RouteHint, bidding_department, recognise, sector_of

__all__ = ["RouteHint", "RouteLexicon", "Sector", "bidding_department", "load_routes", "recognise", "sector_of"]
