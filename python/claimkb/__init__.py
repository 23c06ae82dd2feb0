"""claimkb: evidence-graded answers about health claims, from Python.

    import claimkb
    kb = claimkb.open()                      # the bundled KB, as the command uses
    r = kb.report("tight-psoas-causes-back-pain")
    print(r.verdict, r.certainty, r.summary)
    r.to_dict()                              # == `claimkb verdict ID --json`

A KnowledgeBase is immutable: share one between threads. Loading, search, match,
verdict and check release the GIL while they run. docs/python.md has the rest.
"""
from __future__ import annotations

import os
from typing import List, Optional, Union

from ._claimkb import (
    Assertion,
    ClaimInfo,
    ClaimIterator,
    Diagnostic,
    Evidence,
    KnowledgeBase,
    Match,
    Mention,
    Premise,
    Report,
    SearchHit,
    __version__,
    bundled_path,
    default_path,
)
from ._claimkb import _open

__all__ = [
    "Assertion", "ClaimInfo", "ClaimIterator", "Diagnostic", "Evidence", "KBError", "KnowledgeBase", "Match",
    "Mention", "Premise", "Report", "SearchHit", "__version__", "bundled_path", "default_path", "open",
]


class KBError(Exception):
    """A KB that could not be opened: every problem found, as Diagnostic objects.

    `diagnostics` holds each one (file, line, column, code, message, severity),
    sorted by file, line and column; str() gives them one a line as
    `file:line:column: error: message`, as the command prints them. `code` is the
    first one's code: 'io' for a path that cannot be read, 'invalid_kb',
    'damaged_snapshot', 'other_version', 'too_large', ...
    """

    def __init__(self, diagnostics: List[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics) or "the KB could not be opened")

    @property
    def code(self) -> str:
        return self.diagnostics[0].code if self.diagnostics else "internal"


def _installed_kb() -> str:
    """The KB pip installed beside the module (setup.py copies it to claimkb/kb);
    "" when the module was built by CMake, whose library finds its bundled KB itself."""
    kb = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kb")
    return kb if os.path.isdir(os.path.join(kb, "claims")) else ""


def open(path: Union[str, "os.PathLike[str]", None] = None, *, threads: int = 0) -> KnowledgeBase:  # noqa: A001
    """Opens, validates and grades the KB at `path`: a directory with claims/ and
    citations/, or a snapshot file written by `claimkb compile`. None opens the
    default KB, as the command does: $CLAIMKB_KB when set and not empty, else the
    KB bundled with claimkb (for a pip-installed package, the copy in claimkb/kb). `threads` decode files at once (0: one per core).

    Raises KBError with every problem found when the KB cannot be opened; load-time
    warnings are in the returned KB's `warnings`. The GIL is released meanwhile.
    """
    if path is None:
        path = os.environ.get("CLAIMKB_KB") or _installed_kb()
    kb, diagnostics = _open(os.fspath(path), threads)
    if kb is None:
        raise KBError(diagnostics)
    return kb
