"""The `brandlint` command. An unchanged re-run is answered from its record (brandlint.replay)
before click or any checker is imported; a plain `check` command line is read without click
(brandlint.quickargs); everything else goes to brandlint.cli."""

from __future__ import annotations

import sys


def main() -> None:
    from brandlint import replay

    replay.ARGV = sys.argv[1:]
    replay.replay(replay.ARGV)  # exits when it can answer
    from brandlint.quickargs import check_arguments

    arguments = check_arguments(replay.ARGV)
    if arguments is not None:
        from brandlint.commands import check, guarded

        guarded(lambda: check(**arguments))
        sys.exit(0)  # check exits with its status; as click does, should it ever return
    from brandlint.cli import main as cli

    cli()
