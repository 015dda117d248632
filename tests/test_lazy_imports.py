"""A pre-commit run on one Markdown file must not pay for OpenCV, Korean NLP, Java or numpy."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = {"cv2", "kiwipiepy", "language_tool_python", "numpy", "PIL", "jinja2"}

PROBE = """
import json, runpy, sys
sys.argv = ["brandlint", "check", "--no-cache", "a.md"]
try:
    runpy.run_module("brandlint", run_name="__main__")
except SystemExit as exit:
    status = exit.code
print(json.dumps({"status": status, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def test_checking_one_markdown_file_imports_no_heavy_library(project):
    project.guide("voice:\n  readability: {max_grade: 9}\nterms:\n  - avoid: [cheap]\n")
    project.write("a.md", "# Spring\n\nA cheap cup of tea, brewed slowly.\n")
    completed = subprocess.run([sys.executable, "-c", PROBE], cwd=project.root, check=False, capture_output=True,
                               text=True, timeout=120)
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["status"] == 0
    assert HEAVY.isdisjoint(report["modules"]), HEAVY & set(report["modules"])
    # Short paragraphs are not scored, so the readability library is not even loaded.
    assert "textstat" not in report["modules"]
