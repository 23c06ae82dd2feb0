"""The module's Python API on the bundled KB: open(), len(), iteration, membership,
report() and its typed attributes, match(), search(), check()."""
import os
import pathlib

import pytest

import claimkb


def test_len_and_iteration_follow_the_kb(kb):
    infos = list(kb)
    # len() counts claims; iterating yields each once, as ClaimInfo, in the KB's order.
    assert len(kb) == kb.claim_count == len(infos)
    assert len(kb) > 10  # the bundled KB has dozens of claims
    assert all(isinstance(c, claimkb.ClaimInfo) for c in infos)
    assert len({c.id for c in infos}) == len(infos)
    # Iterating twice gives the same order (the KB's order is stable).
    assert [c.id for c in kb] == [c.id for c in infos]


def test_membership_and_unknown_ids(kb):
    assert "tight-psoas-causes-back-pain" in kb
    assert "no-such-claim" not in kb
    # An unknown id is the command's exit 3: None here, not an exception.
    assert kb.report("no-such-claim") is None
    assert kb.record("no-such-claim") is None


def test_report_is_typed(kb):
    r = kb.report("psoas-is-key-to-back-pain")
    assert isinstance(r, claimkb.Report)
    # docs/cli.md's example: refuted at very low certainty through its premise, with
    # one non-counted web source (ingraham2010) and one premise.
    assert (r.id, r.verdict, r.certainty) == ("psoas-is-key-to-back-pain", "refuted", "very_low")
    assert r.match_by == "id" and r.match_concepts == []
    assert [(e.citation, e.stance, e.design, e.counted) for e in r.evidence] == [
        ("ingraham2010", "refutes", "web", False)]
    assert [(p.id, p.verdict, p.certainty) for p in r.premises] == [
        ("tight-psoas-causes-back-pain", "refuted", "very_low")]
    assert r.evidence[0].reference.startswith("Ingraham P. Psoas, So What?")
    assert "refuted" in repr(r)


def test_certainty_is_none_exactly_when_insufficient(kb):
    seen = set()
    for c in kb:
        r = kb.report(c.id)
        assert (r.certainty is None) == (r.verdict == "insufficient"), c.id
        seen.add(r.verdict)
    assert "insufficient" in seen and "supported" in seen  # both cases were exercised


def test_match_search_and_check(kb):
    m = kb.match("tight-psoas-causes-back-pain")
    assert (m.kind, m.id) == ("id", "tight-psoas-causes-back-pain")
    # A question the docs answer by concepts (docs/cli.md, verdict).
    m = kb.match("can a foam roller make me more flexible?")
    assert m.kind == "clear_best" and m.by_concepts
    assert m.id == "foam-rolling-increases-range-of-motion"
    assert m.concepts == ["foam-rolling", "flexibility"]
    v = kb.verdict("can a foam roller make me more flexible?")
    assert v.id == m.id and v.match_by == "concepts" and v.match_concepts == m.concepts
    # Off-topic words match nothing: kind none, no id, verdict() None.
    m = kb.match("what is the capital of france")
    assert m.kind in ("none", "unclear") and m.id is None
    assert kb.verdict("what is the capital of france") is None

    hits = kb.search("foam rolling range of motion", 2)
    # docs/cli.md's search example: these two, best first, at most `limit`.
    assert [h.id for h in hits] == ["foam-rolling-increases-range-of-motion",
                                    "foam-rolling-beats-stretching-for-range-of-motion"]
    assert 1 >= hits[0].score > hits[1].score > 0
    assert len(kb.search("foam rolling range of motion", 1)) == 1

    text = "Many therapists say that a tight psoas causes low back pain."
    ms = kb.check(text)
    assert [x.id for x in ms] == ["tight-psoas-causes-back-pain"]
    # One sentence: it spans the whole text (byte offsets), from line 1, column 1.
    assert (ms[0].begin, ms[0].end, ms[0].line, ms[0].column) == (0, len(text.encode()), 1, 1)
    # "therapists say that ..." reports others holding it (docs/search.md).
    assert ms[0].polarity == "reports"


def test_open_takes_path_like_and_snapshot(kb, tmp_path):
    root = pathlib.Path(claimkb.bundled_path())
    again = claimkb.open(root)  # a pathlib.Path works as a str does
    assert len(again) == len(kb)


def test_default_path_honours_environment(monkeypatch, tmp_path):
    # $CLAIMKB_KB names the default KB, as for the command: an empty directory is an
    # I/O error (no claims/), raised as KBError.
    monkeypatch.setenv("CLAIMKB_KB", str(tmp_path))
    assert claimkb.default_path() == str(tmp_path)
    with pytest.raises(claimkb.KBError):
        claimkb.open()
