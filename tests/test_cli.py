"""`chronique extract` as a user runs it: formats, batches with bad inputs, stdin."""

from __future__ import annotations

import json

import pytest
from conftest import SEED, need
from typer.testing import CliRunner

from chronique.cli import app

runner = CliRunner()


@pytest.mark.slow
def test_extract_jsonl_has_the_record_shape():
    res = runner.invoke(app, ["extract", str(need(SEED))])
    assert res.exit_code == 0, res.output
    (line,) = [x for x in res.stdout.splitlines() if x.strip()]
    rec = json.loads(line)
    assert rec["id"] == "seed" and rec["published"] == "2023-09" and rec["language"] == "fr"
    for key in ("title", "entities", "quotes", "events", "errors"):
        assert key in rec
    ev = rec["events"][0]
    for key in (
        "event",
        "mode",
        "context",
        "actor",
        "recipient",
        "modality",
        "attributed_to",
        "denied_by",
        "date",
        "location",
        "cameo",
        "score",
        "text",
        "trigger",
        "rule",
    ):
        assert key in ev
    q = rec["quotes"][0]
    assert set(q["speaker"]) >= {"text", "name", "country", "sector"}
    assert {"text", "kind", "cue", "start", "end"} <= set(q)


def test_table_is_for_people():
    res = runner.invoke(app, ["extract", str(need(SEED)), "--format", "table"])
    assert res.exit_code == 0
    assert "Who said what" in res.stdout and "Adrienne Watson" in res.stdout
    assert "AID" in res.stdout and "denied" in res.stdout


def test_bad_inputs_are_one_line_each_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps(
            {
                "id": "a1",
                "published": "2020-06-17",
                "text": "Pyongyang a menacé mercredi de renforcer sa présence militaire.",
            }
        )
        + "\n"
        + "{not json\n",
        encoding="utf-8",
    )
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    res = runner.invoke(app, ["extract", str(good), str(binary), str(tmp_path / "nope.txt")])
    assert res.exit_code == 1
    out = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert [r["id"] for r in out] == ["a1"]
    errors = [x for x in res.stderr.splitlines() if x.startswith("error:")]
    assert len(errors) == 3
    assert any("good.jsonl:2" in e and "JSON" in e for e in errors)
    assert any("blob.txt" in e and "binary" in e for e in errors)
    assert any("nope.txt" in e for e in errors)
    assert "Traceback" not in res.stderr


def test_stdin_plain_text_with_published():
    text = "Les États-Unis ont imposé mardi des sanctions à la Russie."
    res = runner.invoke(app, ["extract", "-", "--published", "2022-03-01"], input=text)
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["published"] == "2022-03-01"
    assert [(e["event"], e["actor"][0]["country"]) for e in rec["events"]] == [("SANCTION", "USA")]


def test_bad_date_argument_is_a_usage_error():
    res = runner.invoke(app, ["extract", str(need(SEED)), "--published", "2023-13-45"])
    assert res.exit_code == 2
    assert "published" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.slow
def test_extract_explain_lists_coded_and_dropped_candidates():
    r = runner.invoke(app, ["extract", "--explain", str(need(SEED))])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("seed ·") and "dropped candidate(s)" in lines[0]
    coded = [ln for ln in lines[1:] if " coded " in ln]
    dropped = [ln for ln in lines[1:] if " dropped " in ln]
    assert coded and dropped
    # each dropped line names the rule id, the stage and the reason
    assert all(" at " in ln and ": " in ln and "fr." in ln for ln in dropped)
    offsets = [int(ln.split()[0]) for ln in lines[1:]]
    assert offsets == sorted(offsets)  # reading order
