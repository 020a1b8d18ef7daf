"""What reading one message costs: `Interpreter.read` (bot/language) per message, p50 / p90.

    .venv/bin/python -m bench.reading [--lines FILE] [--repeat N]

The lines are the project's own phone-typed phrasings (procedures × asks × fillers, built
here, no held-out line), each read once after a warm-up pass over other lines, so the
figure is a served message's cost once the process has read a few (Jieba, pypinyin and
the caches loaded), not the first message's. The time is the thread's CPU time, not the wall
clock: on a shared machine the wall clock counts the other processes' turns too.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NAMES = ("营业执照", "公司注册", "个体户", "简易注销", "一般注销", "注销", "变更登记", "改个地址", "换法人",
         "信用修复", "年报", "施工许可", "食品经营许可", "拉电", "开个小卖部", "办执照", "改个地质", "用水报装")
ASKS = ("要啥材料", "咋弄", "多久能办好", "在哪办", "能网上办不", "要钱吗", "需要跑几趟", "有啥条件",
        "流程是啥", "找哪个部门")
BEFORE = ("", "请问", "那个 ", "我想问下", "老板让我问问 ")
OTHERS = ("你好", "谢了", "我要投诉 办事员态度太差", "帮我催一下", "我的工单到哪了", "你是机器人吗",
          "再见", "那要是外地人呢", "嗯嗯", "不对 我问的是注销", "除了材料还能帮我干啥", "上次提的那个事咋没人管",
          "我是学地质的 想开个公司", "地质勘察报告要交吗", "公司要搬了 改个地质", "我们是做餐饮的 注销也这么弄吗")


def lines() -> list[str]:
    """About four hundred messages: every name with every ask, a filler in turn, and the others."""
    made = [f"{BEFORE[i % len(BEFORE)]}{name}{ask}"
            for i, (name, ask) in enumerate(itertools.product(NAMES, ASKS))]
    return made + list(OTHERS) * 10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=Path, help="one message a line (default: built here)")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the lines")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bot.language.interpret import Interpreter
    from bot.language.lexicon import load_lexicon
    from bot.procedures.loader import load_knowledge

    texts = args.lines.read_text(encoding="utf-8").split("\n") if args.lines else lines()
    texts = [t.strip() for t in texts if t.strip()]
    interpreter = Interpreter.build(load_knowledge(ROOT / "knowledge"), load_lexicon(ROOT / "knowledge"))
    for text in ("你好", "营业执照怎么办", "注销要多久"):  # warm-up: Jieba, pypinyin, the tagger
        interpreter.read(text, None)
    times = []
    for _ in range(args.repeat):
        for text in texts:
            started = time.thread_time()
            interpreter.read(text, None)
            times.append((time.thread_time() - started) * 1000)
    times.sort()
    print(f"{len(times)} reads: p50 {statistics.median(times):.2f} ms, "
          f"p90 {times[int(len(times) * 0.9)]:.2f} ms, mean {statistics.fmean(times):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
