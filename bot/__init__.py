"""营商助手 domain core.

Everything in this package works without Rasa running: the procedure knowledge base,
tickets and their clocks, working days and SLA policies, reports. Framework adapters
(Rasa actions, input channels, the console) import from here, never the other way round.
"""
