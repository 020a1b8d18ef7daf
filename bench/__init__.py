"""Load and scale measurements of 营商助手 (``make bench``; see ``bench/__main__.py``)."""
