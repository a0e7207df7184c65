"""How briefing scales with the archive: every figure is a whole fresh process, as a user runs it.

Run: python benchmarks/scale.py --docs 2000 20000 [--duplicates few|many]   (needs ../shared)

Per N it generates N documents from ../shared/corpus into a temporary folder, with its own
empty cache (BRIEFING_CACHE), and times: cold ingest (the first `briefing search`: every file
parsed and indexed), a warm scheduled build (`briefing build`, nothing changed, the second
build), a warm on-demand brief (`briefing brief` on a topic no build asked for), one changed
file -> updated brief (`briefing run --once` right after a file is edited: it waits until the
file was last written 1 s before, as cron would), `briefing search` (the whole process, and
the search call alone inside a fresh process), each process's peak memory (max RSS) and the
index's size on disk; then the ratio of each to the smallest N.

--duplicates few: each document is paragraphs drawn from different corpus documents, so few
are near-duplicates; many: a third of them are copies of another with one paragraph added.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from html import escape
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
BRIEFING = str(Path(sys.executable).parent / "briefing")
AS_OF = "2026-11-30"
SEARCH = "sanctions on Russian banks"
CHANGED_TEXT = "\n\nThe Kremlin answered the new sanctions on Russia with a statement today.\n"


def paragraphs() -> list[str]:
    """Body paragraphs of every text in the corpus (titles and one-line headers left out)."""
    found = []
    for path in sorted(SHARED.rglob("*.txt")):
        for p in path.read_text(encoding="utf-8").split("\n\n")[2:]:
            if 200 <= len(p) <= 1500:
                found.append(" ".join(p.split()))
    return found


def titles() -> list[str]:
    return [
        p.read_text(encoding="utf-8").split("\n", 1)[0].strip()
        for p in sorted(SHARED.rglob("*.txt"))
    ]


def generate(target: Path, count: int, duplicates: str, seed: int = 7) -> None:
    """``count`` documents (.txt, .html, .md) in folders of 100, dated over 2021-2026."""
    rng = random.Random(seed)
    pars, heads = paragraphs(), titles()
    made: list[tuple[str, list[str]]] = []
    for i in range(count):
        if duplicates == "many" and made and rng.random() < 1 / 3:
            title, body = made[rng.randrange(len(made))]
            body = [*body, f"Archive note {i}: filed under reference {i * 7919 % 100003}."]
        else:
            title = f"{rng.choice(heads)} ({i})"
            body = rng.sample(pars, rng.randint(4, 12))
        made.append((title, body))
        day = date(2021, 1, 1) + timedelta(days=rng.randrange(6 * 365))
        folder = target / f"part-{i // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = rng.choices(("txt", "html", "md"), weights=(6, 3, 1))[0]
        path = folder / f"{day.isoformat()}_doc-{i:06d}.{kind}"
        path.write_text(_render(kind, title, body), encoding="utf-8")


def _render(kind: str, title: str, body: list[str]) -> str:
    if kind == "html":
        paras = "".join(f"<p>{escape(p)}</p>\n" for p in body)
        return (
            f"<html><head><title>{escape(title)}</title></head><body><article>"
            f"<h1>{escape(title)}</h1>\n{paras}</article></body></html>\n"
        )
    if kind == "md":
        return f"# {title}\n\n" + "\n\n".join(body) + "\n"
    return f"{title}\n\n" + "\n\n".join(body) + "\n"


def write_config(folder: Path) -> Path:
    """The state-dept topics over the generated sources, JSON out (rendering is not scaled)."""
    config = yaml.safe_load((ROOT / "config" / "state-dept.yaml").read_text(encoding="utf-8"))
    config.update(sources=[str(folder / "sources")], output=str(folder / "out"), formats=["json"])
    config["window_days"] = 90
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, its worker processes included) and peak RSS
    in MiB of one whole process; its failure stops the benchmark."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(args)} failed:\n{err[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def measure(n: int, duplicates: str, work: Path) -> dict[str, float]:
    folder = work / f"n{n}"
    generate(folder / "sources", n, duplicates)
    config = str(write_config(folder))
    env = {**os.environ, "BRIEFING_CACHE": str(folder / "cache")}
    row: dict[str, float] = {}
    peaks = []

    def step(name: str, args: list[str]) -> float:
        seconds, cpu, peak = run(args, env)
        peaks.append(peak)
        row[f"{name} MiB"] = peak
        row[f"{name} cpu s"] = cpu
        return seconds

    row["cold ingest s"] = step("ingest", [BRIEFING, "search", config, "--text", "warm up"])
    step("build1", [BRIEFING, "build", config, "--as-of", AS_OF])
    row["warm build s"] = step("build", [BRIEFING, "build", config, "--as-of", AS_OF])
    out = folder / "brief-out"
    brief = [BRIEFING, "brief", str(folder / "sources"), "--topic", "Climate"]
    brief += ["--keywords", "climate,emissions,Belarus", "--format", "json", "--out", str(out)]
    row["warm brief s"] = step("brief", brief)
    step("run1", [BRIEFING, "run", "--once", config])
    changed = sorted((folder / "sources").rglob("*.txt"))[n // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + CHANGED_TEXT, encoding="utf-8")
    row["changed -> brief s"] = step("run", [BRIEFING, "run", "--once", config])
    searches = [step("search", [BRIEFING, "search", config, "--text", SEARCH]) for _ in range(3)]
    row["search s"] = statistics.median(searches)
    row["search call s"] = _search_call(config, env)
    row["peak MiB"] = max(peaks)
    cache = folder / "cache"
    row["index MiB"] = sum(p.stat().st_size for p in cache.iterdir()) / 2**20
    shutil.rmtree(folder / "sources")
    return row


def _search_call(config: str, env: dict[str, str]) -> float:
    """The search call alone (median of 3), in a fresh process: what the index costs."""
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\nfrom briefing.config import load_config\n"
        "from briefing.search import search\n"
        "c = load_config(Path(sys.argv[1])); times = []\n"
        "for _ in range(3):\n"
        "    t = time.perf_counter(); search(c.source_paths, text=sys.argv[2], rules=c.rules)\n"
        "    times.append(time.perf_counter() - t)\n"
        "print(json.dumps(sorted(times)[1]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, config, SEARCH], env=env, capture_output=True, check=True
    )
    return float(json.loads(out.stdout))


COLUMNS = [
    "cold ingest s",
    "warm build s",
    "warm brief s",
    "changed -> brief s",
    "search s",
    "search call s",
    "peak MiB",
    "index MiB",
]


CPU_COLUMNS = ["ingest cpu s", "build cpu s", "brief cpu s", "run cpu s", "search cpu s"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--duplicates", choices=("few", "many"), default="few")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found")
        return 0
    rows = {}
    with tempfile.TemporaryDirectory(prefix="briefing-scale-") as tmp:
        for n in sorted(args.docs):
            rows[n] = measure(n, args.duplicates, Path(tmp))
            print(f"N={n}: " + ", ".join(f"{k} {v:.2f}" for k, v in rows[n].items()), flush=True)
    print(f"\n{args.duplicates} near-duplicates; ratio to N={min(rows)} in brackets")
    table(rows, COLUMNS)
    print("\nCPU seconds of the same processes (user + system; less noisy on a shared machine)")
    table(rows, CPU_COLUMNS)
    return 0


def table(rows: dict[int, dict[str, float]], columns: list[str]) -> None:
    base = rows[min(rows)]
    print("| N | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for n, row in rows.items():
        cells = [f"{row[c]:.2f} ({row[c] / base[c]:.2f}×)" if base[c] else "-" for c in columns]
        print(f"| {n:,} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
