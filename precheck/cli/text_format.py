"""Human-readable output: where each problem is, why it matters, what to write instead."""

from __future__ import annotations

from precheck.core.model import Report, Verdict
from precheck.core.serialize import line_column

VERDICT_LINES = {
    Verdict.BLOCK: "verdict: block - do not post this",
    Verdict.REVIEW: "verdict: review - read the points above before posting",
    Verdict.OK: "verdict: ok - nothing found",
}


def render_text(report: Report, text: str, source: str) -> str:
    lines = []
    for f in report.findings:
        line, column = line_column(text, f.start)
        lines.append(f"{source}:{line}:{column}: {f.severity.value} {f.category.value}/{f.kind}: {f.message}")
        shown = f.text if "\n" not in f.text else f.text.replace("\n", "\\n")
        fix = f"  ->  {f.suggestions[0]!r}" if f.suggestions else ""
        lines.append(f"    {shown!r}{fix}  [{f.rule}]")
    lines.extend(f"note: {n}" for n in report.notices)
    severities = sorted({f.severity for f in report.findings}, key=lambda s: -s.rank)
    counts = ", ".join(f"{report.count(s)} {s.value}" for s in severities)
    lines.append(VERDICT_LINES[report.verdict] + (f" ({counts})" if counts else ""))
    if report.findings and report.safer_text != text:
        lines.append("safer version:")
        lines.extend(f"    {row}" for row in report.safer_text.rstrip("\n").split("\n"))
    return "\n".join(lines)
