"""Review before sending (`distribution.review: required`): an edition waits for approval,
the approved edition carries the reviewer's edits, and the ledger still sends it once per
recipient. Against a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import io
import shutil
from datetime import date

import pytest
import yaml
from pypdf import PdfReader
from test_deliver import mailing, parsed, run, smtp  # noqa: F401 (fixtures)

from briefing.build import build
from briefing.config import load_config
from briefing.deliver import find_edition, send_brief
from briefing.review import Edits, apply, approve, items, load_edits, save_edits
from briefing.scheduler import Runner
from briefing.store import Store

AS_OF = "2026-11-23"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def reviewed(mailing):  # noqa: F811 (test_deliver's fixture)
    """The mailing project with `review: required`, built again under that config."""
    path = mailing.config_path
    data = yaml.safe_load(path.read_text())
    data["distribution"]["review"] = "required"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    config = load_config(path)
    build(config, as_of=date(2026, 11, 23))
    return config


def some_edits(config) -> tuple[Edits, str, str]:
    """Drop one bullet and pin another (of a topic with two or more), plus two paragraphs."""
    data = find_edition(config.output_dir, AS_OF).data
    points = [i for i in items(data) if i.kind == "point"]
    by_topic = {}
    for item in points:
        by_topic.setdefault(item.topic, []).append(item)
    topic = next(t for t, found in by_topic.items() if len(found) >= 2)
    dropped, pinned = by_topic[topic][0], by_topic[topic][-1]
    edits = Edits(
        drop=(dropped.key,),
        pin=(pinned.key,),
        note="Sources on China were thin this week.",
        bottom_line="Expect a new sanctions round before the summit.",
    )
    return edits, dropped.text, pinned.text


def test_an_unapproved_edition_is_held(reviewed, smtp):  # noqa: F811
    report = run(reviewed)
    assert report.held and "waits for review" in report.held
    assert smtp.messages == [] and report.sent == []


def test_approved_edition_is_mailed_once_with_the_edits(reviewed, smtp, cli):  # noqa: F811
    edits, dropped, pinned = some_edits(reviewed)
    save_edits(reviewed, AS_OF, edits)
    approval = approve(reviewed, AS_OF, by="Dana Reviewer")
    report = run(reviewed)
    assert sorted(report.sent) == ["a@example.org", "b@example.org", "c@example.org"]
    for raw in smtp.messages:
        message = parsed(raw)
        text = flat(message.get_body(("plain",)).get_content())
        assert edits.bottom_line in text and edits.note in text
        assert flat(dropped) not in text
        assert flat(pinned) in text
        pdf = next(p for p in message.iter_attachments() if p.get_content_type().endswith("pdf"))
        reader = PdfReader(io.BytesIO(pdf.get_content()))
        pages = flat(" ".join(p.extract_text() for p in reader.pages))
        assert "Bottom line:" in pages and "sanctions round" in pages
    # the ledger: who approved and when, and a second run mails nobody again
    assert run(reviewed).sent == [] and len(smtp.messages) == 3
    with Store(reviewed.state_path) as store:
        (row,) = store.approvals()
    assert (row.approved_by, row.approved_at, row.digest) == (
        "Dana Reviewer",
        approval.approved_at,
        report.digest,
    )
    listed = cli("deliveries", reviewed.config_path).output
    assert f"{report.digest[:12]}  approved" in listed and "by Dana Reviewer" in listed


def test_the_same_content_rebuilt_stays_approved_new_content_waits(reviewed, smtp):  # noqa: F811
    edits, dropped, _ = some_edits(reviewed)
    save_edits(reviewed, AS_OF, edits)
    approve(reviewed, AS_OF, by="Dana Reviewer")
    build(reviewed, as_of=date(2026, 11, 23))  # same content: the approval and edits hold
    assert not (reviewed.output_dir / AS_OF / "reviewed").exists()  # the rebuild replaced it
    report = run(reviewed)
    assert len(report.sent) == 3
    assert all(
        flat(dropped) not in flat(parsed(m).get_body(("plain",)).get_content())
        for m in smtp.messages
    )
    # new content is a new edition: it waits, with the saved edits still there
    source = next(reviewed.source_paths[0].glob("*.md"))
    shutil.copy(source, source.with_name("2026-11-22_more-drills.md"))
    source.with_name("2026-11-22_more-drills.md").write_text(
        source.read_text() + "\n\nBeijing announced a second round of drills near Taiwan.\n"
    )
    build(reviewed, as_of=date(2026, 11, 23))
    held = run(reviewed)
    assert held.held and held.digest != report.digest
    assert load_edits(reviewed, AS_OF) == edits


def test_apply_drops_pins_and_adds_paragraphs():
    data = {
        "executive_summary": [{"text": "A b c."}],
        "topics": [
            {
                "name": "T",
                "summary": [{"text": "A b c."}, {"text": "D e f."}, {"text": "G h i."}],
                "quotes": [{"text": "Q one.", "speaker": "X"}],
            }
        ],
    }
    assert [i.topic for i in items(data)][:2] == ["Executive summary", "T"]
    keys = {i.text: i.key for i in items(data)}
    out = apply(
        data,
        Edits(
            drop=(keys["A b c."], keys["Q one."]), pin=(keys["G h i."],), bottom_line=" Bottom. "
        ),
    )
    assert [p["text"] for p in out["topics"][0]["summary"]] == ["G h i.", "D e f."]
    assert out["topics"][0]["quotes"] == [] and out["executive_summary"] == []
    assert out["bottom_line"] == "Bottom." and "analyst_note" not in out
    assert data["topics"][0]["summary"][0]["text"] == "A b c."  # the edition is left alone


def test_run_mails_an_edition_once_it_is_approved(reviewed, smtp):  # noqa: F811
    """`briefing run` builds on its schedule and sends; an edition approved after its build is
    sent at the next check, once."""
    runner = Runner([reviewed.config_path], send=send_brief)
    entry = runner.entries[0]
    assert runner.check(entry, changes=False) == "idle" and smtp.messages == []
    edits, dropped, _ = some_edits(reviewed)
    save_edits(reviewed, AS_OF, edits)
    approve(reviewed, AS_OF, by="Dana Reviewer")
    runner.check(entry, changes=False)
    assert len(smtp.messages) == 3
    assert all(
        edits.bottom_line in flat(parsed(m).get_body(("plain",)).get_content())
        for m in smtp.messages
    )
    runner.check(entry, changes=False)
    assert len(smtp.messages) == 3
    runner.close()
