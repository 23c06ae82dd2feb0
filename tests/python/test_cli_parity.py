"""to_dict() equals the command's JSON: every bundled claim's report against
`claimkb verdict ID --json`, the list against `claimkb list --json`, and search,
check and a question's verdict against their commands."""
import os

import pytest

ARTICLES = os.path.join(os.path.dirname(__file__), "..", "data", "articles")


def test_report_equals_verdict_json_for_every_claim(kb, cli):
    ids = [c.id for c in kb]
    for claim_id in ids:
        code, expected = cli("verdict", claim_id)
        assert code == 0, claim_id
        got = kb.report(claim_id).to_dict()
        assert got == expected, claim_id
        # Key order too: the command's order (docs/cli.md).
        assert list(got) == list(expected), claim_id
    assert len(ids) == len(kb) > 0


def test_iteration_equals_list_json(kb, cli):
    code, expected = cli("list")
    assert code == 0
    assert [c.to_dict() for c in kb] == expected


def test_question_verdict_equals_command(kb, cli):
    q = "can a foam roller make me more flexible?"
    code, expected = cli("verdict", q)
    assert code == 0
    assert kb.verdict(q).to_dict() == expected
    # An unknown id: exit 3 there, None here.
    code, _ = cli("verdict", "no-such-claim")
    assert code == 3 and kb.verdict("no-such-claim") is None


@pytest.mark.parametrize("words,limit", [("foam rolling range of motion", 10), ("psoas back pain", 3),
                                         ("stretching", 1)])
def test_search_equals_search_json(kb, cli, words, limit):
    code, expected = cli("search", words, "--limit", str(limit))
    assert code == 0
    got = [h.to_dict() for h in kb.search(words, limit)]
    assert got == expected
    assert len(got) >= 1  # each query finds something, so the comparison is not empty


def test_check_equals_check_json(kb, cli):
    compared = 0
    for name in sorted(os.listdir(ARTICLES)):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(ARTICLES, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        code, expected = cli("check", path)
        assert code == 0, name
        assert [m.to_dict() for m in kb.check(text)] == expected, name
        compared += len(expected)
    assert compared > 0  # the articles make claims, so mentions were compared


def test_record_equals_show_json(kb, cli):
    for record_id in ("psoas-is-key-to-back-pain", "hellsing1988", "low-back-pain"):
        code, expected = cli("show", record_id)
        assert code == 0
        assert kb.record(record_id) == expected
