"""Imported first by the process that forks file readers (loaders.isolation), before numpy.

A reader's memory cap limits its address space. Each extra thread would get a glibc
malloc arena that reserves 64 MB of address space up front, and OpenBLAS starts a
thread per core with its own buffers: reserved before the cap is measured, filled
after, they would let a read use more than the cap. One BLAS thread and one arena
keep what the cap counts close to what a read really uses (measured in a reader:
address space 323 MB instead of 429 MB, with no 64 MB reservation left).
"""

from __future__ import annotations

import ctypes
import os

M_ARENA_MAX = -8  # glibc <malloc.h>

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"
ctypes.CDLL(None).mallopt(M_ARENA_MAX, 1)
