"""Who each constructed form of quotation in tests/test_quote_forms.py is credited to, and by
which rule: a quick look at the forms news outside the U.S. uses, beside the expected speaker.

Run: python benchmarks/quote_forms.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from briefing.ingest.page import read_page
from briefing.quotes import explain_quotes

TESTS = Path(__file__).resolve().parents[1] / "tests"


def forms() -> dict[str, tuple[str, list[str]]]:
    sys.path.insert(0, str(TESTS))  # the test module imports its neighbours
    spec = importlib.util.spec_from_file_location("test_quote_forms", TESTS / "test_quote_forms.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.FORMS


def main() -> int:
    failed = 0
    for name, (body, expected) in sorted(forms().items()):
        doc = read_page(Path("story.txt"), "A Story About Talks\n\n" + body)
        got = [(quote.speaker, why.rule) for quote, why in explain_quotes(doc)]
        ok = [speaker for speaker, _ in got] == expected
        failed += not ok
        credited = "; ".join(f"{speaker} [{rule}]" for speaker, rule in got) or "no quote"
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {credited} (expected {', '.join(expected)})")
    print(f"{failed} of {len(forms())} forms fail")
    return 0


if __name__ == "__main__":
    sys.exit(main())
