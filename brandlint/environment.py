"""Environment variables that change what brandlint finds (the results cache is keyed by them)."""

from __future__ import annotations

LANGUAGETOOL_URL = "BRANDLINT_LANGUAGETOOL_URL"  # a LanguageTool server: grammar findings or none

AFFECTING_RESULTS = (LANGUAGETOOL_URL,)
