"""brandlint: a brand consistency linter for copy, colours, fonts and logos."""

__version__ = "0.1.0"
