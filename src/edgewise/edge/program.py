"""Tier 2 answers arithmetic word problems with a program (program-aided, as in PAL).

The local 0.5B is a coder: asked to write ``solution()`` it gets more of the
router set's math right (36%) than when it reasons in prose (27%), and the
node's big model judges a program better than prose (bench/router_check.py).
So for a request the math detector (router/kind.py) flags, the local model
writes the program, the sandbox (edge/sandbox.py) runs it, and the answer is
the program plus its result.  No number back (refused, crashed, too slow,
not a number) means the request is answered the plain way.

The program is written greedily whatever the request's temperature: it is a
computation, not prose.  Only one-turn requests without tools take this path.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

from edgewise.algo.sampling import SamplingParams
from edgewise.edge.backends.base import Delta, Generation
from edgewise.edge.sandbox import run_program, same_number
from edgewise.engine.chat import chat_tokens
from edgewise.engine.generate import generate

SYSTEM = ("Write a Python function solution() that computes the answer to the problem and returns it as a "
          "number. Reply with only one Python code block.")
HEAD = "```python\ndef solution():\n"  # the answer starts here: the model cannot wander off into prose
MAX_TOKENS = 256


@dataclass
class Program:
    prompt_ids: list[int]  # chat prompt + HEAD: what the node's check reads before the program
    tokens: list[int] = field(default_factory=list)  # generated after HEAD
    logprobs: list[float] = field(default_factory=list)
    text: str = ""  # generated after HEAD
    finish: str | None = None
    value: float | None = None

    @property
    def code(self) -> str:
        return code_of(self.text)

    def answer(self) -> str:
        return f"```python\n{self.code}\n```\n\nAnswer: {format_value(self.value)}"


def format_value(v: float) -> str:
    """15.0 -> "15", 13.333333333333334 -> "13.333333", 0.1 + 0.2 -> "0.3"."""
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def code_of(text: str) -> str:
    """The program from what a model wrote after HEAD (cut at the closing fence)."""
    return (HEAD + text).removeprefix("```python\n").split("```")[0].rstrip()


def value_of(text: str) -> float | None:
    """The number the program a model wrote after HEAD computes, run in the sandbox."""
    return run_program(code_of(text))


same_value = same_number  # the router compares the local and the node's program by it


def messages(question: str) -> list[dict]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}]


def write(engine, question: str, max_tokens: int = MAX_TOKENS,
          cancelled: Callable[[], bool] = lambda: False) -> Program:
    """Have ``engine`` write solution() for ``question`` and run it."""
    prompt = chat_tokens(engine, messages(question)) + engine.tokenize(HEAD, special=False)
    p = Program(prompt)
    max_tokens = min(max_tokens, engine.n_ctx - len(prompt))
    if max_tokens <= 0:
        return p
    parts = []
    for d in generate(engine, prompt, max_tokens, SamplingParams(temperature=0.0), ("```",), cancelled,
                      reuse_prefix=False, logprobs=p.logprobs):
        parts.append(d.text)
        if d.token is not None:
            p.tokens.append(d.token)
        p.finish = d.finish_reason or p.finish
    p.text = "".join(parts)
    if p.finish != "cancelled":
        p.value = value_of(p.text)
    return p


def question_of(req) -> str | None:
    """The question, if the request is one a program may answer: a single user
    turn (a system prompt aside), no tools, no stop sequences."""
    msgs = req.dict_messages()
    if req.tools or req.stops or any(m.get("role") not in ("system", "developer", "user") for m in msgs):
        return None
    users = [m for m in msgs if m.get("role") == "user"]
    if len(users) != 1 or not isinstance(users[0].get("content"), str):
        return None
    return users[0]["content"]


def open_program(local, req, cancel: threading.Event, logprobs: list[float] | None = None,
                 tokens: list[int] | None = None) -> Generation | None:
    """A finished program answer from ``local``'s engine, or None (answer the plain way).
    ``logprobs``/``tokens`` collect the program's tokens, as LocalBackend.open does."""
    question = question_of(req)
    if question is None:
        return None
    eng = local.engine
    p = write(eng, question, min(MAX_TOKENS, req.limit or MAX_TOKENS), cancel.is_set)
    if p.value is None:
        return None
    if logprobs is not None:
        logprobs.extend(p.logprobs)
    if tokens is not None:
        tokens.extend(p.tokens)
    def deltas():  # a generator, like every backend's: the router may close() a dropped answer
        yield Delta(p.answer(), "stop")

    gen = Generation(deltas(), model=eng.name, prompt_tokens=len(p.prompt_ids),
                     completion_tokens=len(p.tokens), cancel=cancel)
    gen.meta.update(served_by=eng.name, local_tokens=0, prompt_ids=p.prompt_ids, program=p.value)
    return gen
