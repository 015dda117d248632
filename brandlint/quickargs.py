"""`brandlint check …` read without click, for the common command lines (what a pre-commit
hook or a CI step runs): importing click costs about 15 ms, a fifth of a one-file run.

Only a command line this module fully understands is taken: known options, as `--name value`
or `--name=value`, with values it can check exactly as click would. Anything else (help,
an unknown or combined option, a value click would refuse, `--`) returns None, and click reads
the command line and says what is wrong. tests/test_quickargs.py holds the table below equal
to the options of brandlint.cli's `check` and the results equal to click's.
"""

from __future__ import annotations

from brandlint.commands import FAIL_ON, FORMATS

# option -> parameter name, for options that take no value
FLAGS = {"--quiet": "quiet", "-q": "quiet", "--no-color": "no_color", "--no-cache": "no_cache",
         "--debug": "debug"}
# option -> parameter name, for options that take one
VALUES = {"--guide": "guide", "--channel": "channel", "--format": "fmt", "--output": "output",
          "--fail-on": "fail_on", "--jobs": "jobs", "-j": "jobs", "--shard": "shard", "--history": "history"}
CHOICES = {"fmt": FORMATS, "fail_on": FAIL_ON}
DEFAULTS = {"guide": None, "channel": None, "fmt": "text", "output": None, "fail_on": "error", "quiet": False,
            "no_color": False, "jobs": None, "no_cache": False, "shard": None, "debug": False, "history": None}


def check_arguments(argv: list[str]) -> dict | None:
    """The parameters of `check` for this command line (argv without the program name), or
    None when click should read it."""
    if not argv or argv[0] != "check":
        return None
    params: dict = dict(DEFAULTS)
    paths: list[str] = []
    rest = iter(argv[1:])
    for arg in rest:
        if not arg or arg == "-" or arg == "--":
            return None
        if not arg.startswith("-"):
            paths.append(arg)
            continue
        name, equals, value = arg.partition("=")
        if name in FLAGS and not equals:
            params[FLAGS[name]] = True
            continue
        if name not in VALUES or (equals and not name.startswith("--")):
            return None
        if not equals:
            value = next(rest, None)
            if value is None or value.startswith("-"):
                return None
        parameter = VALUES[name]
        if parameter in CHOICES and value not in CHOICES[parameter]:
            return None
        if parameter == "jobs":
            if not (value.isascii() and value.isdigit()) or int(value) < 1:
                return None
            params[parameter] = int(value)
        else:
            params[parameter] = value
    params["paths"] = tuple(paths)
    return params
