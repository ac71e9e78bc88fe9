"""The command line runs OpenBLAS with one thread; importing the package leaves a library user's
process alone."""

import os
import subprocess
import sys

SHOW = ("import os, numpy, threadpoolctl; "
        "blas = [i for i in threadpoolctl.threadpool_info() if i['internal_api'] == 'openblas']; "
        "print(os.environ.get('OPENBLAS_NUM_THREADS'), blas[0]['num_threads'])")


def threads(first: str, env: dict[str, str]) -> list[str]:
    done = subprocess.run([sys.executable, "-c", f"{first}; {SHOW}"], env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout.split()


def test_the_command_line_runs_openblas_with_one_thread_unless_the_user_set_a_number():
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert threads("import pipeline.cli", env) == ["1", "1"]
    two = str(min(2, len(os.sched_getaffinity(0))))  # OpenBLAS runs no more threads than there are cores
    assert threads("import pipeline.cli", {**env, "OPENBLAS_NUM_THREADS": "2"}) == ["2", two]


def test_importing_the_package_leaves_openblas_alone():
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert threads("import pipeline", env)[0] == "None"
