"""What an import run reports: counts, problems and the closing summary."""

from dataclasses import dataclass, field
from typing import NamedTuple

CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"


@dataclass(frozen=True)
class ReportedProblem:
    """A problem as the summary lists it: which file, where, and why."""

    file: str
    where: str
    reason: str

    def __str__(self):
        if self.where:
            return f"{self.file}, {self.where}: {self.reason}"
        return f"{self.file}: {self.reason}"


@dataclass
class ImportSummary:
    files_read: int = 0
    files_skipped: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    redirects_created: int = 0
    problems: list[ReportedProblem] = field(default_factory=list)
    dry_run: bool = False

    def count(self, action):
        """Count one item as created, updated, unchanged or skipped."""
        setattr(self, action, getattr(self, action) + 1)

    def lines(self):
        """The closing report, line by line."""
        lines = [
            f"Files read: {self.files_read}, skipped: {self.files_skipped}",
            f"Pages created: {self.created}",
            f"Pages updated: {self.updated}",
            f"Unchanged or skipped items: {self.unchanged + self.skipped} "
            f"({self.unchanged} unchanged, {self.skipped} skipped)",
            f"Legacy addresses redirected: {self.redirects_created} new",
            f"Problems: {len(self.problems)}",
        ]
        lines += [f"  - {problem}" for problem in self.problems]
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        return lines


class ItemResult(NamedTuple):
    """What importing one item did, with notes for the report."""

    action: str
    title: str
    notes: list[str]
    redirects_created: int = 0
