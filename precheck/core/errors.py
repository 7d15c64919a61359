"""Coded errors: a user mistake, a missing piece of the environment, or a bug.

Tests assert the code, never the wording, so messages can improve freely.
"""

from __future__ import annotations


class PrecheckError(Exception):
    """Base for every error precheck reports to a person."""

    code = "E000"
    exit_code = 3

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class InputError(PrecheckError):
    """The text to check cannot be read: missing file, directory, binary data, bad encoding."""

    code = "E100"
    exit_code = 3


class UsageError(PrecheckError):
    """The command line asks for something that does not exist or cannot work together."""

    code = "E101"
    exit_code = 4


class PackError(PrecheckError):
    """A rule pack is broken; ``problems`` carries every ``file:line:column: message`` at once."""

    code = "E200"
    exit_code = 5

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems

    def __str__(self) -> str:
        if not self.problems:
            return super().__str__()
        return "\n".join((f"{self.message} [{self.code}]", *self.problems))


class EnvironmentProblem(PrecheckError):
    """Something the machine lacks: a language model, Java, a reachable grammar server."""

    code = "E300"
    exit_code = 6
