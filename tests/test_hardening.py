"""Attacks and accidents: brandlint neither follows nor writes where it should not, and
`fix` never leaves a file half-written, even when killed."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time


def test_symlink_loops_and_links_out_of_the_tree_are_not_followed(project, tmp_path_factory):
    project.guide()
    project.write("copy/a.md", "LumenTea\n")
    (project.root / "copy" / "loop").symlink_to(project.root / "copy", target_is_directory=True)
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.md").write_text("LumenTea cheap\n")
    (project.root / "copy" / "escape").symlink_to(outside, target_is_directory=True)
    (project.root / "copy" / "link.md").symlink_to(outside / "secret.md")
    found = project.findings("copy")
    assert {f["path"] for f in found} == {"copy/a.md"}


def test_campaign_templates_outside_the_campaign_folder_are_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "x.txt.j2").write_text("{{ product }}\n")
    project.guide("channels:\n  x: {}\n")
    for template in ("../" + outside.name + "/x.txt.j2", str(outside / "x.txt.j2")):
        project.write("campaign.yaml", f"campaign: c\nchannels:\n  x: {{template: '{template}'}}\n"
                                       "data: {product: Tea}\n")
        result = project.run("render", "campaign.yaml", "--out", "out")
        assert result.exit_code == 2 and "outside the campaign's folder" in result.stderr
        assert not (project.root / "out").exists()


def _files(count: int) -> dict[str, bytes]:
    return {f"copy/{i:03}.md": ("# LumenTea\n\n" + "Send an e-mail about LumenTea. " * 40 + "\n").encode()
            for i in range(count)}


def test_fix_killed_at_random_moments_leaves_every_file_whole(project):
    project.guide()
    files = _files(150)
    for name, content in files.items():
        project.write(name, content)
    # The fully fixed version of each file, from an uninterrupted run on a copy.
    reference = project.root / "reference"
    for name, content in files.items():
        (reference / name).parent.mkdir(parents=True, exist_ok=True)
        (reference / name).write_bytes(content)
    subprocess.run([sys.executable, "-m", "brandlint", "fix", "--guide", str(project.root / "brand.yaml"), "copy"],
                   cwd=reference, capture_output=True, check=False)
    fixed = {name: (reference / name).read_bytes() for name in files}
    assert all(fixed[name] != files[name] for name in files)
    rng = random.Random(7)
    for _ in range(4):
        for name, content in files.items():
            project.write(name, content)
        process = subprocess.Popen([sys.executable, "-m", "brandlint", "fix", "--jobs", "1", "copy"],
                                   cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.4, 1.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        states = set()
        for name in files:
            now = (project.root / name).read_bytes()
            assert now in (files[name], fixed[name]), f"{name} is neither the original nor the fixed file"
            states.add(now == fixed[name])
        leftovers = [p for p in (project.root / "copy").iterdir() if p.name.startswith(".")]
        for temp in leftovers:  # a temp file may remain if the kill lands mid-write, never a torn target
            assert temp.suffix == ".brandlint"


def test_file_changed_on_disk_while_fixing_is_left_alone(project, monkeypatch):
    from brandlint import fix as fixing

    project.guide()
    path = project.write("a.md", "LumenTea\n")
    original_read = fixing.Path.read_bytes
    calls = {"n": 0}

    def read_bytes(self):
        if self.resolve() == path:
            calls["n"] += 1
        if self.resolve() == path and calls["n"] == 2:  # someone saves the file between our read and our write
            path.write_bytes(b"Edited by hand: LumenTea\n")
            monkeypatch.setattr(fixing.Path, "read_bytes", original_read)
        return original_read(self)

    monkeypatch.setattr(fixing.Path, "read_bytes", read_bytes)
    result = project.run("fix", "--no-cache", "a.md")
    assert path.read_bytes() == b"Edited by hand: LumenTea\n"
    assert "changed on disk" in result.stderr


def test_format_string_tricks_in_templates_are_refused(project):
    project.guide("channels:\n  x: {}\n")
    project.write("campaign.yaml", "campaign: c\nchannels: [x]\ndata: {product: Tea}\n")
    for trick in ('{{ "{0.__class__.__mro__}".format(product) }}',
                  '{{ "%s" % product.__class__ }}', "{{ cycler.__init__.__globals__.os }}",
                  "{{ lipsum.__globals__ }}", "{{ self._TemplateReference__context }}"):
        project.write("templates/x.txt.j2", trick + "\n")
        result = project.run("render", "campaign.yaml", "--out", "out")
        assert result.exit_code == 2, (trick, result.stdout)
        assert "templates/x.txt.j2:1" in result.stderr and "Traceback" not in result.stderr
        assert not (project.root / "out").exists()


def test_two_processes_sharing_one_cache_agree_with_a_clean_run(project):
    project.guide()
    for index in range(120):
        project.write(f"copy/{index:03}.md", f"# Page {index}\n\nLumenTea is cheap, e-mail us. {index}\n")
    command = [sys.executable, "-m", "brandlint", "check", "--format", "json", "--jobs", "2", "copy"]
    runs = [subprocess.Popen(command, cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    clean = subprocess.run([*command, "--no-cache"], cwd=project.root, capture_output=True, check=False).stdout
    again = subprocess.run(command, cwd=project.root, capture_output=True, check=False).stdout  # from the cache
    assert outputs[0] == outputs[1] == clean == again
    leftovers = [p.name for p in (project.root / ".brandlint_cache").rglob(".*") if p.name != ".gitignore"]
    assert not leftovers  # no temp file left behind by either process
