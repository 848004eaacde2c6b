"""The program sandbox: arithmetic runs, anything that reaches outside does not."""
from __future__ import annotations

import pytest

from edgewise.edge.sandbox import Rejected, run_program, vet


@pytest.mark.parametrize("code,value", [
    ("def solution():\n    return 4 * 3 + 2 * 1.5", 15.0),
    ("import math\ndef solution():\n    return math.sqrt(16) + math.pi * 0", 4.0),
    ("def solution():\n    return sum(1 for i in range(1, 21) if str(i).count('1') == 1)", 10.0),
    ("def solution():\n    return len(set('banana'))", 3.0),
    # helpers, loops and a trailing example call that the model added
    ("def solution():\n    n, c = 1, 0\n    while c < 5:\n        n += 1\n        c += is_odd(n)\n    return n\n"
     "def is_odd(k):\n    return k % 2\nprint(solution())", 11.0),
    ("def solution():\n    xs = [3, 1, 2]\n    xs.sort()\n    return xs[-1]", 3.0),
])
def test_arithmetic_runs(code, value):
    assert run_program(code) == value


@pytest.mark.parametrize("code", [
    "import os\ndef solution():\n    return os.getpid()",
    "def solution():\n    import subprocess\n    return 1",
    "def solution():\n    return ().__class__.__base__.__subclasses__()",
    "def solution():\n    g = (x for x in [1])\n    return g.gi_frame.f_back.f_globals",
    "def solution():\n    return '{0.__class__}'.format(1)",
    "def solution():\n    return eval('1+1')",
    "def solution():\n    return open('/etc/passwd').read()",
    "def solution():\n    return __import__('os').getpid()",
    "def solution():\n    with x:\n        pass",
    "def solution():\n    try:\n        return 1\n    except Exception:\n        return 2",
    "def solution():\n    f = lambda: 1\n    return f()",
    "class A:\n    pass\ndef solution():\n    return 1",
])
def test_reaching_outside_is_refused(code):
    with pytest.raises((Rejected, SyntaxError)):
        vet(code)
    assert run_program(code) is None


@pytest.mark.parametrize("code", [
    "def solution():\n    while True:\n        pass",          # never ends: wall-clock and CPU limits
    "def solution():\n    return len('x' * (10 ** 10))",      # memory limit
    "def solution():\n    return 1 / 0",                      # crashes
    "def solution():\n    return 'five'",                     # not a number
    "def solution():\n    return True",                       # a bool is not a count
    "def solution():\n    return float('inf')",               # not a finite number
    "def answer():\n    return 5",                            # no solution()
    "def solution(:\n",                                       # does not parse
])
def test_no_number_comes_back(code):
    assert run_program(code, timeout=1.0) is None
