"""This checkout against an earlier revision, as whole fresh processes on scale.py's corpus.

Run: python benchmarks/versus.py REVISION [--docs 2000 20000] [--pairs 5] [--once 10000]
(needs ../shared and git)

The revision's `briefing` package is exported with `git archive` and run with this checkout's
virtual environment (PYTHONPATH first). Per N it generates scale.py's corpus and config; each
version indexes it into a cache of its own (as its users' index is: how a version leaves its
index after a first ingest is part of what it is), builds once (its analyses cached), then A
(the revision) and B (this checkout) alternate, A then B, for a warm `briefing build` with
nothing changed. At the --once sizes it also alternates `briefing run --once` after one file is
edited right before it (it waits for the file to settle) and after an edit whose mtime is 5 s
old. Each line gives wall and CPU seconds (median and range) and B/A per pair; the last lines
give each version's warm build at the largest N over the smallest, pair by pair, in wall and
in CPU time (the steadier of the two on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import AS_OF, BRIEFING, ROOT, SHARED, generate, write_config  # noqa: E402


def export(revision: str, target: Path) -> Path:
    """The revision's package under ``target``; returns the folder to put on PYTHONPATH."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "briefing"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def timed(args: list[str], env: dict[str, str], *, builds: bool = False) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, workers included) of one whole process; with
    ``builds``, one that did not build is an error."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out, err = proc.communicate()
    if os.waitstatus_to_exitcode(status) or (builds and b"built" not in out):
        raise SystemExit(f"{' '.join(args)}: {out.decode()[-500:]} {err.decode()[-1500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("revision")
    parser.add_argument("--docs", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--once", type=int, nargs="*", default=[10000])
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found")
        return 0
    builds: dict[int, dict[str, dict[str, list[float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-versus-") as tmp:
        work = Path(tmp)
        (work / "a").mkdir()
        old = export(args.revision, work / "a")
        for n in sorted(set(args.docs) | set(args.once)):
            folder = work / f"n{n}"
            generate(folder / "sources", n, "few")
            config = str(write_config(folder))
            envs = {
                "A": {**os.environ, "PYTHONPATH": str(old), "BRIEFING_CACHE": str(folder / "a")},
                "B": {**os.environ, "BRIEFING_CACHE": str(folder / "b")},
            }
            build = [BRIEFING, "build", config, "--as-of", AS_OF]
            once = [BRIEFING, "run", "--once", config]
            for side in ("A", "B"):
                timed([BRIEFING, "search", config, "--text", "warm up"], envs[side])
                timed(build, envs[side])  # its analyses, cached for its code
                timed(once, envs[side])  # the first run --once builds on the sources it finds
            if n in args.docs:
                builds[n] = compare(f"warm build, N={n}", [build] * 2, envs, args.pairs)
            if n in args.once:
                changed = sorted((folder / "sources").rglob("*.txt"))[n // 2]
                for age in (0.0, 5.0):
                    title = f"run --once, one file written {age:.0f} s before, N={n}"
                    edit = _editor(changed, age)
                    compare(title, [once, once], envs, args.pairs, before=edit)
    if len(builds) > 1:
        small, large = min(builds), max(builds)
        for side in ("A", "B"):
            for kind in ("wall", "cpu"):
                pairs = zip(builds[small][kind][side], builds[large][kind][side], strict=True)
                ratios = [b / a for a, b in pairs]
                print(
                    f"{side}: warm build N={large} / N={small}, {kind}, per pair: {spread(ratios)}"
                )
    return 0


def _editor(path: Path, age: float) -> Callable[[], None]:
    """An edit of ``path`` (a line added) whose mtime is ``age`` seconds old."""
    count = [0]

    def edit() -> None:
        count[0] += 1
        path.write_text(
            path.read_text(encoding="utf-8") + f"\n\nThe Kremlin answered note {count[0]}.\n",
            encoding="utf-8",
        )
        if age:
            then = time.time_ns() - int(age * 1e9)
            os.utime(path, ns=(then, then))

    return edit


def compare(
    title: str,
    commands: list[list[str]],
    envs: dict[str, dict[str, str]],
    pairs: int,
    before: Callable[[], None] | None = None,
) -> dict[str, dict[str, list[float]]]:
    """A then B, ``pairs`` times; prints wall, CPU and B/A per pair; returns both."""
    walls: dict[str, list[float]] = {"A": [], "B": []}
    cpus: dict[str, list[float]] = {"A": [], "B": []}
    for _ in range(pairs):
        for side, command in zip("AB", commands, strict=True):
            if before:
                before()
            wall, cpu = timed(command, envs[side], builds=before is not None)
            walls[side].append(wall)
            cpus[side].append(cpu)
    ratio = [b / a for a, b in zip(walls["A"], walls["B"], strict=True)]
    print(
        f"{title}: A wall {spread(walls['A'])} cpu {spread(cpus['A'])} | "
        f"B wall {spread(walls['B'])} cpu {spread(cpus['B'])} | B/A {spread(ratio)}",
        flush=True,
    )
    return {"wall": walls, "cpu": cpus}


if __name__ == "__main__":
    sys.exit(main())
