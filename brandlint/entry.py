"""The `brandlint` command. An unchanged re-run is answered from its record (brandlint.replay)
before click or any checker is imported; everything else goes to brandlint.cli."""

from __future__ import annotations

import sys


def main() -> None:
    from brandlint import replay

    replay.ARGV = sys.argv[1:]
    replay.replay(replay.ARGV)  # exits when it can answer
    from brandlint.cli import main as cli

    cli()
