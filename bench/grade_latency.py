"""Latency of one grade call (features + model + privacy check) on ~50-token prompts.

    python bench/grade_latency.py [--reps 50]

The grader and the privacy models are loaded and warmed first: the numbers
are per request, excluding process start and weight loading. Token counts
use the qwen2.5-coder tokenizer (vocab only). Writes
bench/results/grade_latency.json.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import machine, table, write  # noqa: E402
from edgewise.router.grader import Grader  # noqa: E402

EN = [
    "I have a list of customer orders as dictionaries with keys id, amount and date. Write a Python function "
    "that groups them by month and returns the total amount per month, sorted by month, ignoring refunds.",
    "A train leaves the station at 9:40 and travels 180 km at 72 km/h, then stops for 25 minutes and "
    "continues 95 km at 60 km/h. At what time does it arrive? Please show your steps briefly.",
    "Can you explain the difference between a process and a thread in an operating system, and give one "
    "example where using threads is a bad idea? Keep it short, a few sentences are enough for me.",
    "Translate the following sentence into Chinese and keep the tone friendly: thanks for coming to the "
    "meeting yesterday, we will send the slides and the recording to everyone by Friday afternoon at the latest.",
    "My Flask app returns a 500 error only in production when a user uploads a large file. Locally it works "
    "fine. What are the most likely causes and how should I start debugging this problem step by step?",
    "Hi there! I am planning a weekend trip to the mountains with two friends. Could you suggest a simple "
    "packing list for two nights of camping in early autumn, with cold mornings and some rain?",
    "Write a SQL query that returns the ten customers with the highest total spending in 2023 from tables "
    "orders(id, customer_id, total, created_at) and customers(id, name), including their names and totals.",
    "What is the capital of Canada, which language do most people speak in Quebec, and roughly how many "
    "people live in the whole country today? Short answers are fine, no need for long explanations, thank you.",
    "Prove that the sum of the first n odd numbers equals n squared, and then use this to compute the sum "
    "of all odd numbers between 1 and 199 inclusive. Give the final number at the end of your answer.",
    "Refactor this function to be more readable: def f(a): return [x for x in a if x%2==0 and x>10 and x<100 "
    "and str(x)[0]!='5'] and explain in one sentence what each condition is doing in the filter.",
]
ZH = [
    "我有一个包含订单信息的列表，每个订单是一个字典，包含编号、金额和日期。请写一个Python函数，按月份汇总金额，并按月份排序返回结果，退款订单的金额是负数，需要忽略掉。",
    "一列火车早上9点40分出发，以每小时72公里的速度行驶了180公里，停了25分钟后又以每小时60公里行驶了95公里，请问几点到达终点站？请简单写出计算步骤。",
    "请简单解释一下操作系统里进程和线程的区别，并举一个使用多线程反而不好的例子，几句话就可以了，不用太长，最好再说一下协程和它们有什么不同。",
    "请把下面这句话翻译成英文，语气要友好：感谢大家昨天来参加会议，我们会在周五下午之前把幻灯片和录像发给所有人，如果有问题可以随时联系我。",
    "我的网站在本地运行正常，但部署到服务器后用户上传大文件时总是返回500错误，可能是什么原因？应该怎么一步一步排查？服务器用的是Nginx加Gunicorn。",
    "你好！这个周末我和两个朋友打算去山里露营两晚，早上会比较冷，可能还会下雨，能帮我列一个简单的行李清单吗？我们不打算自己做饭，只带一些简单的食物。",
    "请写一个SQL查询，从订单表和客户表中找出2023年消费总额最高的十位客户，并显示他们的名字和消费总额，按总额从高到低排列，金额相同时按客户编号排序。",
    "加拿大的首都是哪座城市？魁北克省的大多数人说什么语言？现在全国大约有多少人口？简单回答就行，不需要解释，谢谢你的帮助。",
    "请证明前n个奇数的和等于n的平方，然后利用这个结论计算从1到199之间所有奇数的和，最后给出具体的数字答案，并检查一下结果是否正确。",
    "帮我看看这段代码怎么改得更清楚：把列表里大于10小于100、是偶数并且首位数字不是5的数筛选出来，并说明每个条件的作用，如果能写成一个更短的函数就更好了。",
]


def token_counts(texts: list[str]) -> list[int]:
    try:
        import llama_cpp

        from edgewise.engine.llama import silence_llama_logs
        from edgewise.store import resolve

        silence_llama_logs()

        tok = llama_cpp.Llama(str(resolve("qwen2.5-coder-0.5b", progress=False)), vocab_only=True, verbose=False)
        return [len(tok.tokenize(t.encode(), add_bos=False)) for t in texts]
    except Exception:  # no model in the cache: report without token counts
        return [0] * len(texts)


def measure(grader: Grader, texts: list[str], reps: int) -> list[float]:
    ms = []
    for _ in range(reps):
        for t in texts:
            t0 = time.perf_counter()
            g = grader.grade([{"role": "user", "content": t}])
            ms.append((time.perf_counter() - t0) * 1000)
            assert g.tier in (1, 2, 3)
    return ms


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reps", type=int, default=50)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    grader = Grader.load().warm()
    load_ms = (time.perf_counter() - t0) * 1000
    rows = []
    for lang, texts in (("en", EN), ("zh", ZH)):
        ms = measure(grader, texts, args.reps)
        toks = token_counts(texts)
        rows.append({"lang": lang, "prompts": len(texts), "tokens_mean": round(statistics.mean(toks), 1),
                     "calls": len(ms), "p50_ms": round(pct(ms, 0.5), 2), "p95_ms": round(pct(ms, 0.95), 2),
                     "max_ms": round(max(ms), 2)})
    print(f"machine: {machine()['cpu']}, load {machine()['loadavg_1m']}; grader+privacy load and warm-up "
          f"{load_ms:.0f} ms (not counted)")
    print(table(rows, ["lang", "prompts", "tokens_mean", "calls", "p50_ms", "p95_ms", "max_ms"]))
    write("grade_latency", {"machine": machine(), "load_and_warm_ms": round(load_ms), "budget_ms_p50": 300,
                            "includes": "request_text + features + linear model + privacy_level",
                            "rows": rows})


if __name__ == "__main__":
    main()
