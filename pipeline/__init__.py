"""conflict-kg: news about armed conflict and diplomacy in, an RDF knowledge graph out.

The stages, one module each, data flowing one way:
sources -> nlp -> extract -> link -> build -> write (see DESIGN.md in the README).
"""

__version__ = "0.1.0"
SOFTWARE_NAME = "conflict-kg"
