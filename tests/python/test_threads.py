"""Many Python threads querying one KB at once get the answers one thread gets.
search, match, verdict and check release the GIL, so the C++ queries do run at the
same time."""
import threading

QUESTIONS = ["can a foam roller make me more flexible?", "does a tight psoas cause back pain",
             "is stretching good for the hamstrings"]
TEXT = ("Many therapists say that a tight psoas causes low back pain. "
        "Massage does not relieve low back pain. Foam rolling increases range of motion.")


def answers(kb):
    out = []
    for c in kb:
        out.append(("report", kb.report(c.id).to_dict()))
    for q in QUESTIONS:
        out.append(("search", [h.to_dict() for h in kb.search(q, 5)]))
        m = kb.match(q)
        out.append(("match", m.kind, m.id, [h.id for h in m.candidates]))
    out.append(("check", [m.to_dict() for m in kb.check(TEXT)]))
    return out


def test_many_threads_one_kb(kb):
    expected = answers(kb)
    threads_n, rounds = 8, 3
    results = [None] * threads_n
    errors = []
    start = threading.Barrier(threads_n)

    def work(i):
        try:
            start.wait()  # all threads begin together, so their queries overlap
            got = [answers(kb) for _ in range(rounds)]
            results[i] = got
        except Exception as e:  # noqa: BLE001 - reported below, with the thread
            errors.append((i, repr(e)))

    ts = [threading.Thread(target=work, args=(i,)) for i in range(threads_n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert errors == []
    for i, got in enumerate(results):
        assert got == [expected] * rounds, i


def test_threads_opening_at_once():
    # Loading releases the GIL too: several threads open the bundled KB at once and
    # get the same KB.
    import claimkb

    sizes = []
    lock = threading.Lock()

    def work():
        kb = claimkb.open(threads=1)
        with lock:
            sizes.append((len(kb), [c.id for c in kb]))

    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert len(sizes) == 4 and all(s == sizes[0] for s in sizes)
