"""Importing the package sets what the whole process shares before the model loads."""

import os
import subprocess
import sys

CODE = ("import pipeline, numpy, threadpoolctl; "
        "print(os.environ['OPENBLAS_NUM_THREADS'], threadpoolctl.threadpool_info()[0]['num_threads'])")


def threads(env: dict[str, str]) -> list[str]:
    done = subprocess.run([sys.executable, "-c", "import os; " + CODE], env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout.split()


def test_openblas_runs_one_thread_unless_the_user_set_a_number():
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert threads(env) == ["1", "1"]
    assert threads({**env, "OPENBLAS_NUM_THREADS": "2"}) == ["2", "2"]
