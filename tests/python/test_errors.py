"""KBError: every diagnostic of a KB that cannot be opened, with file, line, column
and code, as `claimkb lint` prints them."""
import os

import pytest

import claimkb

CITATIONS = """\
- id: trial1
  design: rct
  title: A trial
  authors: [Smith J]
  year: 2001
  journal: J Test
"""

# Line 3 misspells `statement` (the key starts at column 3, after "  "); line 7 names
# a citation no file has: the value `nope` starts at column 18 of
# "    - {citation: nope, stance: supports, finding: x}" (4 spaces, "- {", "citation: ").
CLAIMS = """\
- id: one
  statement: One.
  statment: typo
- id: two
  statement: Two.
  evidence:
    - {citation: nope, stance: supports, finding: x}
"""


def write_kb(root, claims, citations):
    for sub, text in (("claims", claims), ("citations", citations)):
        os.makedirs(root / sub, exist_ok=True)
        (root / sub / "kb.yaml").write_text(text, encoding="utf-8")


def test_broken_kb_raises_with_every_diagnostic(tmp_path):
    write_kb(tmp_path, CLAIMS, CITATIONS)
    with pytest.raises(claimkb.KBError) as info:
        claimkb.open(tmp_path)
    e = info.value
    claims_file = str(tmp_path / "claims" / "kb.yaml")
    got = [(d.file, d.line, d.column, d.code, d.severity) for d in e.diagnostics]
    assert got == [(claims_file, 3, 3, "invalid_kb", "error"), (claims_file, 7, 18, "invalid_kb", "error")]
    assert "statment" in e.diagnostics[0].message
    assert "nope" in e.diagnostics[1].message
    # str() is the command's form, one diagnostic a line.
    assert str(e).splitlines()[0].startswith(claims_file + ":3:3: error: ")
    assert len(str(e).splitlines()) == 2
    assert e.code == "invalid_kb"


def test_missing_path_is_an_io_error(tmp_path):
    with pytest.raises(claimkb.KBError) as info:
        claimkb.open(tmp_path / "no-such-kb")
    assert info.value.code == "io"
    assert info.value.diagnostics[0].file == str(tmp_path / "no-such-kb")


def test_damaged_snapshot_is_refused(tmp_path):
    # Any file is taken to be a snapshot; ten bytes of text are not one.
    f = tmp_path / "kb.ckb"
    f.write_bytes(b"not a snap")
    with pytest.raises(claimkb.KBError) as info:
        claimkb.open(f)
    assert info.value.code == "damaged_snapshot"
