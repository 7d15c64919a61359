"""Stands in for ``blis.py`` in the frozen app: thinc's only call into it, ``gemm``, done by numpy.

blis ships its whole BLIS library twice, in ``blis/cy`` and in ``blis/py`` (17 MB each).
thinc's NumpyOps refuses to start without ``blis.py``, but calls only ``blis.py.gemm``
(float32, C-contiguous, beta=0); numpy's matmul, on numpy's own OpenBLAS, does the same
sum. ``blis.cy`` stays: thinc and spaCy's parser call its C functions directly.
build.spec puts this file into the bundle under the name ``blis.py``.
"""

import numpy


def gemm(A, B, out=None, trans1=False, trans2=False, alpha=1.0, beta=1.0):
    """out = alpha * op(A) @ op(B) + beta * out, as blis.py.gemm."""
    a = A.T if trans1 else A
    b = B.T if trans2 else B
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"Shape mismatch for blis.gemm: {a.shape}, {b.shape}")
    if out is None:
        out = numpy.zeros((a.shape[0], b.shape[1]), dtype=A.dtype)
        beta = 0.0
    if beta == 0.0 and alpha == 1.0:
        numpy.matmul(a, b, out=out)
        return out
    product = numpy.matmul(a, b)
    if alpha != 1.0:
        product *= alpha
    if beta == 0.0:
        out[...] = product
    else:
        out *= beta
        out += product
    return out
