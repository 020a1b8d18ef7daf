"""The monthly report (月度通报) per department: figures, complaint categories, exports.

- :mod:`bot.reports.categories`: complaint categories by keyword (``knowledge/complaint_categories.yml``);
- :mod:`bot.reports.replay`: a ticket's department, due time and state at any instant, from its events;
- :mod:`bot.reports.monthly`: the figures and their definitions;
- :mod:`bot.reports.export_tables` (CSV, XLSX) and :mod:`bot.reports.export_pdf` (PDF).

No framework, no I/O at import; the console (``bot/console``) shows and serves them.
"""
