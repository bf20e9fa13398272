from flows.core.status import status_lines

REPORT = {
    "run_id": "20261128T120000Z-abc123", "started_at": "2026-11-28T12:00:00.000000Z",
    "finished_at": "2026-11-28T12:00:04.500000Z",
    "counts": {"inputs_seen": 3, "articles_written": 1, "unchanged": 1, "duplicates": 0, "rejected": 1},
    "rejected": [{"code": "empty_file", "location": "in/e.txt", "message": "the file has no bytes", "detail": None}],
}


def test_runs_with_their_rejections_under_the_holder_and_interrupted_commits() -> None:
    lines = status_lines([REPORT], ["20261128T110000Z-dead00"], "run 20261128T130000Z-live00 (pid 7 on box)")
    assert lines[0] == "running now: run 20261128T130000Z-live00 (pid 7 on box)"
    assert lines[1] == "interrupted, to be finished by the next run: 20261128T110000Z-dead00"
    assert lines[2].startswith("20261128T120000Z-abc123      4.5s  seen      3  written      1")
    assert lines[3] == "    empty_file: in/e.txt"


def test_long_rejection_lists_are_cut_with_a_pointer_to_the_report() -> None:
    many = dict(REPORT, rejected=[REPORT["rejected"][0]] * 8)
    lines = status_lines([many], [], None, show_rejected=5)
    assert lines[-1] == "    ... and 3 more (see runs/20261128T120000Z-abc123.json)"


def test_no_runs_yet() -> None:
    assert status_lines([], [], None) == ["no runs yet"]
