"""brandlint where the work happens: a real pre-commit hook and the GitHub Action."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


def test_pre_commit_hook_blocks_a_bad_commit_and_passes_a_good_one(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (it is in the test extras)")
    repo = tmp_path / "content"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "brand.yaml").write_text("brand: Lumen Tea\nterms:\n  - use: Lumen Tea\n    instead_of: [LumenTea]\n")
    (repo / "post.md").write_text("Meet LumenTea.\n")
    (repo / "unrelated.md").write_text("Another LumenTea, not staged.\n")
    (repo / "LICENSE").write_text("MIT\n")  # plain text to pre-commit, not a file brandlint reads
    _git(repo, "add", "brand.yaml", "post.md", "LICENSE")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("VIRTUAL_ENV", None)

    def hook() -> subprocess.CompletedProcess:
        # try-repo runs the hook from this working tree on the staged files, as a commit would
        return subprocess.run([pre_commit, "try-repo", str(ROOT), "brandlint", "--verbose"], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=900, check=False)

    bad = hook()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "post.md:1:6 error terms.use Use 'Lumen Tea' instead of 'LumenTea'." in bad.stdout
    assert "unrelated.md" not in bad.stdout  # only the files being committed are checked
    assert "LICENSE" not in bad.stdout and "error:" not in bad.stdout
    (repo / "post.md").write_text("Meet Lumen Tea.\n")
    _git(repo, "add", "post.md")
    good = hook()
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_manifest_and_action_are_valid():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["id"] == "brandlint" and hooks[0]["entry"] == "brandlint check"
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert any("--format sarif" in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"


def test_action_check_step_runs_one_shard(project):
    """The action's own check script, with its inputs filled in as GitHub would, on one shard."""
    import json
    import re

    action = yaml.safe_load((ROOT / "action.yml").read_text())
    [step] = [step for step in action["runs"]["steps"] if step.get("id") == "check"]
    inputs = {"inputs.guide": "", "inputs.fail-on": "error", "inputs.paths": "copy", "inputs.shard": "1/2"}
    script = re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: inputs[m.group(1)], step["run"])
    project.guide()
    for index in range(12):
        project.write(f"copy/{index:02}.md", f"# Page {index}\n\nLumenTea is here.\n")
    output = project.root / "github-output"
    env = {**os.environ, "GITHUB_OUTPUT": str(output),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    completed = subprocess.run(["bash", "-c", script], cwd=project.root, env=env, capture_output=True, text=True,
                               timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr
    assert "status=1" in output.read_text()
    sarif = json.loads((project.root / "brandlint.sarif").read_text())
    results = sarif["runs"][0]["results"]
    shown = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)
    expected = sorted(f["path"] for f in project.findings("--shard", "1/2", "copy"))
    assert shown == expected and 0 < len(shown) < 12
    assert completed.stdout.count("::error file=copy/") == len(shown)
    assert "sarif=true" in output.read_text()


def test_action_with_a_broken_guideline_uploads_nothing_and_fails_with_the_error(project):
    import re

    action = yaml.safe_load((ROOT / "action.yml").read_text())
    steps = action["runs"]["steps"]
    [step] = [step for step in steps if step.get("id") == "check"]
    inputs = {"inputs.guide": "", "inputs.fail-on": "error", "inputs.paths": ".", "inputs.shard": ""}
    script = re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: inputs[m.group(1)], step["run"])
    project.write("brand.yaml", "brand: X\ncolours: {}\n")
    project.write("a.md", "Hello.\n")
    output = project.root / "github-output"
    env = {**os.environ, "GITHUB_OUTPUT": str(output),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    completed = subprocess.run(["bash", "-c", script], cwd=project.root, env=env, capture_output=True, text=True,
                               timeout=300, check=False)
    assert "brand.yaml:2:1: unknown key `colours`" in completed.stderr
    assert "status=2" in output.read_text() and "sarif=true" not in output.read_text()
    [upload] = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert "steps.check.outputs.sarif == 'true'" in upload["if"]
