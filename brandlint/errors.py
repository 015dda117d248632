"""Errors that stop a run with exit status 2: usage, guideline and input mistakes."""

from __future__ import annotations


class BrandlintError(Exception):
    """A mistake the user can fix; rendered as `file:line:column: message`, exit 2."""

    exit_status = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        # Further mistakes found in the same pass, reported after this one.
        self.more: list[BrandlintError] = []

    def __reduce__(self) -> tuple[type, tuple]:
        return (self.__class__, (self.message, self.path, self.line, self.column))

    def __str__(self) -> str:
        return "\n".join([self.headline()] + [extra.headline() for extra in self.more])

    def headline(self) -> str:
        from brandlint.findings import located

        return located(self.message, self.path, self.line, self.column)


class GuideError(BrandlintError):
    """The guideline (or a rule pack, or a campaign file) is not valid."""


class UsageError(BrandlintError):
    """The command line asks for something impossible (a missing path, a bad option)."""
