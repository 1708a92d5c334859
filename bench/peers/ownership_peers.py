#!/usr/bin/python3
"""Ultimate (Leontief) ownership U = E(I - W)^-1 in SciPy sparse matrices, on the edge list the
C++ benchmark writes (ORGMODEL_REGISTRY_DUMP=<dir> bench_ownership_bench --benchmark_filter=Registry).

SciPy cannot factorise I - W for 10^6+ companies with 10^5+ right-hand sides, so the peer uses the
same truncated fixed point as the C++ side: X <- E + X W (Jacobi sweeps over sparse matrices),
dropping entries below epsilon = 1e-4 after each sweep, until no entry changes by more than 1e-12.
Prints the same checksum as the C++ benchmark: pairs (company, owner) >= 1 % and their sum.
Run with /usr/bin/python3 (Debian's SciPy 1.10)."""
import resource
import sys
import time

import numpy as np
import scipy.sparse as sp


def main(d, tol=1e-12, max_seconds=float("inf")):
    vertices, companies, edges = map(int, open(f"{d}/meta.txt").read().split())
    offsets = np.fromfile(f"{d}/offsets.u64", dtype=np.uint64).astype(np.int64)
    owner = np.fromfile(f"{d}/owner.u32", dtype=np.uint32).astype(np.int64)
    share = np.fromfile(f"{d}/share.f64", dtype=np.float64)
    owned = np.repeat(np.arange(vertices, dtype=np.int64), np.diff(offsets))
    t0 = time.time()
    outside = vertices - companies
    is_company_owner = owner < companies
    # W: companies x companies (holder row, owned column); E: outside owners x companies
    W = sp.csr_matrix((share[is_company_owner], (owner[is_company_owner], owned[is_company_owner])), shape=(companies, companies))
    E = sp.csr_matrix((share[~is_company_owner], (owner[~is_company_owner] - companies, owned[~is_company_owner])), shape=(outside, companies))
    eps = 1e-4
    X = E.copy()
    sweeps = 0
    while True:
        Y = (E + X @ W).tocsr()
        Y.data[Y.data < eps] = 0.0
        Y.eliminate_zeros()
        sweeps += 1
        diff = abs(Y - X)
        X = Y
        change = diff.max() if diff.nnz else 0.0
        big = X.data >= 0.01
        print(f"sweep {sweeps}: nnz {X.nnz} max change {change:.3g} pairs>=1% {int(big.sum())} sum {X.data[big].sum():.9f}"
              f" ({time.time() - t0:.1f} s)", file=sys.stderr, flush=True)
        if change < tol or sweeps > 500 or time.time() - t0 > max_seconds:
            break
    elapsed = time.time() - t0
    big = X.data >= 0.01
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"scipy: companies {companies} edges {edges} sweeps {sweeps} last max change {change:.3g} time {elapsed:.2f} s peak {peak_mb:.0f} MB")
    print(f"checksum: pairs>=1% {int(big.sum())}  sum {X.data[big].sum():.9f}")


if __name__ == "__main__":
    # ownership_peers.py <dir> [tolerance] [max seconds]
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/orgmodel-registry",
         float(sys.argv[2]) if len(sys.argv) > 2 else 1e-12,
         float(sys.argv[3]) if len(sys.argv) > 3 else float("inf"))
