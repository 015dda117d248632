"""Shared fixtures: a project folder with a real brand.yaml and real files, and the CLI."""

from __future__ import annotations

import http.server
import json
import re
import threading
import urllib.parse
from pathlib import Path
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner, Result

from brandlint.cli import main

BASE_GUIDE = """\
brand: Lumen Tea
terms:
  - use: Lumen Tea
    instead_of: [Lumen tea, LumenTea, LUMEN TEA]
  - use: email
    instead_of: [e-mail]
  - avoid: [cheap, guaranteed]
    message: We never promise what a cup can't keep.
    level: error
"""


@pytest.fixture(autouse=True, scope="session")
def user_cache_folder(tmp_path_factory: pytest.TempPathFactory):
    """The suite's own user cache (lexicon, validated guidelines), never the developer's:
    every CI run starts from an empty one, as a fresh install does."""
    import os

    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    yield Path(os.environ["XDG_CACHE_HOME"])
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


class Project:
    """A temporary content repository; the current folder while a test runs."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    def guide(self, text: str = BASE_GUIDE, name: str = "brand.yaml") -> Path:
        if "brand:" not in text:
            text = "brand: Lumen Tea\n" + text
        return self.write(name, text)

    def run(self, *args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    def check(self, *args: str) -> dict[str, Any]:
        result = self.run("check", "--format", "json", "--no-cache", *args)
        assert result.exit_code in (0, 1), result.output + result.stderr
        return json.loads(result.stdout)

    def findings(self, *args: str, rule: str | None = None) -> list[dict[str, Any]]:
        found = self.check(*args)["findings"]
        return [f for f in found if rule is None or f["rule"] == rule or f["rule"].startswith(rule + ".")]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return Project(tmp_path)


# A stand-in for a LanguageTool server (the real one is a Java service that cannot be
# downloaded here). It speaks the same HTTP API as LanguageTool 6: GET /v2/languages and
# POST /v2/check with form fields text, language and disabledRules, answering with
# offsets in UTF-16 code units as the Java server does. brandlint's real adapter
# (language-tool-python) is what talks to it.
LT_RULES = [
    (r"\b(?:we|they|you|I) has\b", "HAVE_PART_AGREEMENT", "grammar", "GRAMMAR",
     "The verb 'has' does not agree with the subject.", lambda m: [m.group().rsplit(" ", 1)[0] + " have"]),
    (r"\b(\w+) \1\b", "ENGLISH_WORD_REPEAT_RULE", "duplication", "MISC",
     "Possible typo: you repeated a word.", lambda m: [m.group(1)]),
    (r"\ba (?=[aeiou])", "EN_A_VS_AN", "misspelling", "MISC",
     "Use 'an' instead of 'a' if the following word starts with a vowel sound.", lambda m: ["an "]),
    (r"(?<=\S)  +(?=\S)", "WHITESPACE_RULE", "whitespace", "TYPOGRAPHY",
     "Possible typo: you repeated a whitespace.", lambda m: [" "]),
]


class _LanguageToolHandler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list] = []

    def log_message(self, *args):  # quiet
        pass

    def _json(self, data):
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/v2/languages"):
            self._json([{"name": "English (US)", "code": "en", "longCode": "en-US"}])
        else:
            self.send_error(404)

    def do_POST(self):
        if not self.path.startswith("/v2/check"):
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        text = form.get("text", [""])[0]
        disabled = set(",".join(form.get("disabledRules", [""])).split(",")) - {""}
        type(self).requests.append({"text": text, "disabled": disabled})

        def utf16(index):
            return len(text[:index].encode("utf-16-le")) // 2

        matches = []
        for pattern, rule_id, issue, category, message, replace in LT_RULES:
            if rule_id in disabled:
                continue
            for m in re.finditer(pattern, text, re.IGNORECASE):
                start, end = utf16(m.start()), utf16(m.end())
                matches.append({
                    "message": message, "shortMessage": "", "offset": start, "length": end - start,
                    "replacements": [{"value": value} for value in replace(m)],
                    "context": {"text": text[max(0, m.start() - 20):m.end() + 20],
                                "offset": min(20, m.start()), "length": end - start},
                    "sentence": text, "type": {"typeName": "Other"},
                    "rule": {"id": rule_id, "description": message, "issueType": issue,
                             "category": {"id": category, "name": category}},
                    "ignoreForIncompleteSentence": False, "contextForSureMatch": 0})
        matches.sort(key=lambda match: match["offset"])
        self._json({"software": {"name": "LanguageTool", "version": "6.4"},
                    "language": {"name": "English (US)", "code": "en-US"}, "matches": matches})


@pytest.fixture
def languagetool(monkeypatch: pytest.MonkeyPatch):
    """A local LanguageTool-compatible server; BRANDLINT_LANGUAGETOOL_URL points at it."""
    _LanguageToolHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _LanguageToolHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    monkeypatch.setenv("BRANDLINT_LANGUAGETOOL_URL", url)
    try:
        yield _LanguageToolHandler
    finally:
        server.shutdown()
        server.server_close()
