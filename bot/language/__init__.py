"""Understanding what enterprises type: procedures, facets, typed choices, mood, policy clauses.

Everything here works on plain text and the knowledge files, without Rasa: the NLU
component (``nlu_components/understanding.py``), the actions and the console's assist
view all call these functions, so a message is interpreted the same way everywhere.
"""
