from flows.core.summary import summary_lines, summary_markdown

REPORT = {
    "run_id": "20261128T120000Z-abc123",
    "counts": {"inputs_seen": 3, "articles_written": 1, "unchanged": 1, "duplicates": 0, "rejected": 1},
    "tables": {"articles": 1, "actors": 4},
    "rejected": [{"code": "empty_file", "location": "in/e.txt", "message": "the file has no bytes", "detail": None}],
    "duplicates": [],
}


def test_terminal_summary_names_every_rejected_input() -> None:
    lines = summary_lines(REPORT)
    assert lines[1] == "3 inputs: 1 written, 1 unchanged, 0 duplicates, 1 rejected"
    assert "rejected in/e.txt: empty_file (the file has no bytes)" in lines


def test_markdown_summary_has_counts_rejections_and_top_tables() -> None:
    text = summary_markdown(REPORT, {"China": 3, "Japan": 1, "India": 3}, {"Taiwan and cross-strait relations": 2})
    assert "| in/e.txt | `empty_file` | the file has no bytes |" in text
    assert text.index("| China | 3 |") < text.index("| India | 3 |") < text.index("| Japan | 1 |")
    assert "## Top issues" in text and "| Taiwan and cross-strait relations | 2 |" in text
