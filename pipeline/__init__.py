"""conflict-kg: news about armed conflict and diplomacy in, an RDF knowledge graph out.

The stages, one module each, data flowing one way:
sources -> nlp -> extract -> link -> build -> write (see DESIGN.md in the README).
"""

import os

__version__ = "0.1.0"
SOFTWARE_NAME = "conflict-kg"


def prefer_one_blas_thread() -> None:
    """OpenBLAS starts a thread per core when numpy is first imported. The model's matrices are
    small: on 2 cores one thread parsed 100 articles in 8.4 s where two took 9.7 s, and with
    --workers every process's threads fight the others' for the cores (make bench prints both).
    So the command line and the bench ask for one before spaCy loads; a library user's process is
    left alone, and an OPENBLAS_NUM_THREADS the user set wins (OMP_NUM_THREADS does not count)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
