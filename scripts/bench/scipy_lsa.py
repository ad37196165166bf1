# scipy.optimize.linear_sum_assignment on a matrix from bench:match.
# Usage: python scipy_lsa.py matrix.bin rows columns runs
# The file is rows × columns little-endian int32 values, row-major. Only the solve is
# timed. Prints JSON: {"ms": [per run], "best": best total value}.
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

path, rows, columns, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
value = np.fromfile(path, dtype="<i4").reshape(rows, columns).astype(np.float64)
times = []
for _ in range(runs):
    start = time.perf_counter()
    r, c = linear_sum_assignment(value, maximize=True)
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps({"ms": times, "best": int(value[r, c].sum())}))
