"""conflict-kg: news about armed conflict and diplomacy in, an RDF knowledge graph out.

The stages, one module each, data flowing one way:
sources -> nlp -> extract -> link -> build -> write (see DESIGN.md in the README).
"""

import os

# OpenBLAS starts a thread per core when numpy is first imported. The model's matrices are small:
# on 2 cores one thread parsed 100 articles in 8.4 s where two took 9.7 s, and with --workers every
# process's threads fight the others' for the cores (make bench prints both). A setting of the
# user's own wins, and none takes effect once numpy is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
SOFTWARE_NAME = "conflict-kg"
