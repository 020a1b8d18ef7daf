"""The policy documents themselves: their titles, their clauses, and a search over them.

When no procedure guide answers a question (「入企登记簿是什么?」「帮办专员分几级?」), the
assistant looks in the policy texts, quotes the clause that answers and names the document
by its title and section; when nothing matches well enough it says so. It never writes an
answer of its own: what the user reads is the document's text.
"""
