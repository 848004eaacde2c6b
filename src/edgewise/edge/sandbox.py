"""Run a small model-written arithmetic program and get its number back.

Tier 2 answers arithmetic word problems by writing ``solution()`` and running
it (edge/program.py).  The code comes from a model that read the user's text,
so it is not trusted:

  1. the syntax tree is checked first: plain arithmetic, names, literals,
     if/for/while, calls to a short list of builtins and ``math``; no
     imports but ``math``, no name or attribute starting with ``_``, none
     of the frame/code attributes that lead out of the program (``gi_frame``,
     ``f_back``, ...) nor ``format`` (which reads attributes from a string),
     no ``with``/``try``/``class``/``lambda``/``global``, no ``eval``;
  2. what passes runs in a child interpreter (``python -I``) with no
     builtins beyond that list, a CPU, memory and file-size limit, no
     stdin, a scrubbed environment and a wall-clock timeout.

Either layer alone would stop the programs our test models write; both
together are what a program from an untrusted prompt gets.
"""
from __future__ import annotations

import ast
import json
import math
import subprocess
import sys

TIMEOUT_S = 2.0
MEMORY_BYTES = 512 << 20

SAFE_BUILTINS = ("abs", "round", "min", "max", "sum", "int", "float", "len", "range", "pow", "divmod",
                 "sorted", "list", "tuple", "enumerate", "zip", "reversed", "all", "any", "bool", "str", "set",
                 "dict", "map", "filter", "isinstance")
_FRAME_PREFIXES = ("gi_", "f_", "tb_", "cr_", "ag_", "co_")
_BAD_ATTRS = {"format", "format_map", "mro"}
_BAD_NAMES = {"eval", "exec", "compile", "open", "globals", "locals", "vars", "getattr", "setattr", "delattr",
              "input", "breakpoint", "help", "exit", "quit", "memoryview", "type", "object", "super"}
_NODES = (
    ast.Module, ast.FunctionDef, ast.arguments, ast.arg, ast.Return, ast.Assign, ast.AugAssign, ast.AnnAssign,
    ast.Expr, ast.If, ast.For, ast.While, ast.Break, ast.Continue, ast.Pass, ast.Import, ast.alias,
    ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Call, ast.keyword, ast.Name,
    ast.Load, ast.Store, ast.Constant, ast.Tuple, ast.List, ast.Subscript, ast.Slice, ast.Attribute,
    ast.ListComp, ast.SetComp, ast.DictComp, ast.Dict, ast.Set, ast.GeneratorExp, ast.comprehension, ast.operator, ast.unaryop, ast.boolop, ast.cmpop,
    ast.JoinedStr, ast.FormattedValue,
)


class Rejected(ValueError):
    """The program uses something outside the allowed subset."""


def vet(code: str) -> ast.Module:
    """Parse and check ``code``; raise Rejected (or SyntaxError) if it steps outside the subset."""
    tree = ast.parse(code)
    for node in ast.walk(tree):
        if not isinstance(node, _NODES):
            raise Rejected(f"{type(node).__name__} is not allowed")
        if isinstance(node, ast.Import) and [a.name for a in node.names] != ["math"]:
            raise Rejected("only `import math` is allowed")
        if isinstance(node, ast.Attribute) and (node.attr.startswith(("_", *_FRAME_PREFIXES))
                                                or node.attr in _BAD_ATTRS):
            raise Rejected(f"attribute {node.attr} is not allowed")
        if isinstance(node, ast.Name) and (node.id.startswith("_") or node.id in _BAD_NAMES):
            raise Rejected(f"name {node.id} is not allowed")
        if isinstance(node, ast.FunctionDef) and node.decorator_list:
            raise Rejected("decorators are not allowed")
    return tree


# The child: builtins cut down to SAFE_BUILTINS, math pre-imported, result as JSON.
_CHILD = """
import json, math, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({mem}, {mem}))
resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu}))
resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
sys.set_int_max_str_digits(4300)
src = sys.stdin.read()
import builtins
safe = {{name: getattr(builtins, name) for name in {names!r}}}
safe["__import__"] = lambda *a, **k: math  # vet() lets only `import math` through
env = {{"__builtins__": safe, "math": math}}
exec(compile(src, "<program>", "exec"), env)
value = env["solution"]()
if isinstance(value, bool) or not isinstance(value, (int, float)):
    print(json.dumps({{"error": "not a number: " + type(value).__name__}}))
else:
    print(json.dumps({{"value": float(value)}}))
"""


def definitions(code: str) -> str | None:
    """Keep only imports, defs, classes and constant assignments.

    Example calls, prints and input() that models append are dropped, so
    they can neither fail nor hang the run. Trailing lines that do not parse
    (truncated generation) are cut until the rest parses.
    """
    lines = code.splitlines()
    keep = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)
    while lines:
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError:
            lines.pop()
            continue
        tree.body = [n for n in tree.body if isinstance(n, keep)]
        return ast.unparse(tree)
    return None


def same_number(a: float | None, b: float | None) -> bool:
    """Equal up to float noise (0.1 + 0.2 vs 0.3), relative to the larger magnitude."""
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def run_program(code: str, timeout: float = TIMEOUT_S) -> float | None:
    """The number ``solution()`` returns, or None (rejected, crashed, too slow, not a number).
    Top-level example calls and prints are dropped first (definitions())."""
    code = definitions(code) or ""
    try:
        vet(code)
    except (SyntaxError, Rejected, ValueError, RecursionError):
        return None
    child = _CHILD.format(mem=MEMORY_BYTES, cpu=max(1, math.ceil(timeout)), names=SAFE_BUILTINS)
    try:
        res = subprocess.run([sys.executable, "-I", "-c", child], input=code, capture_output=True, text=True,
                             timeout=timeout, env={"PATH": "/usr/bin:/bin"}, cwd="/")
    except subprocess.TimeoutExpired:
        return None
    try:
        out = json.loads(res.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return None
    value = out.get("value")
    return value if isinstance(value, float) and math.isfinite(value) else None
