"""The bundled example shows a newcomer real findings: the README's first command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from brandlint.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lumen-tea"


def test_example_findings(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path / "lumen-tea")
    monkeypatch.chdir(tmp_path / "lumen-tea")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    found = {(f["path"], f["rule"], f["match"].split("\n")[0][:20]) for f in data["findings"]}
    expected = {
        ("web/home.md", "terms.use", "LumenTea"),
        ("web/home.md", "terms.avoid", "cheap"),
        ("web/home.md", "terms.use", "e-mail"),
        ("web/home.md", "message.tagline", ""),
        ("web/home.md", "tone.casual", "We're SO excited to s"[:20]),
        ("email/spring.html", "require.unsubscribe", ""),
        ("email/spring.html", "terms.use", "Lumen tea"),
        ("social/x/launch.txt", "length.max_chars", " #tea #spring #organi"[:20]),
        ("social/instagram/post.md", "claims.absolute", "guaranteed"),
        ("social/instagram/post.md", "format.hashtags", "#slowliving"),
        # Korean: a particle-aware term, speech levels per channel, the ad law, CP949 bytes
        ("kakao/spring.txt", "terms.use", "루멘 티"),
        ("kakao/spring.txt", "tone.speech_level", "유기농 인증 찻잎으로 만든 국내 최고"),
        ("kakao/spring.txt", "kr-ad-law.superlative", "최고"),
        ("kakao/spring.txt", "tone.speech_level", "놓치지 마!"),
        ("web/ko/index.md", "tone.speech_level", "지금 바로 주문해 봐."),
        ("sms/flash.txt", "kr-ad-law.ad-prefix", ""),
        ("sms/flash.txt", "kr-ad-law.opt-out", ""),
        # A hand-written post that names the campaign is held to its facts.
        ("social/x/spring-sale.txt", "consistency.contradiction", "30%"),
        ("social/x/spring-sale.txt", "consistency.missing", ""),
        # The stylesheet: a near-miss gold, an off-brand teal, a wrong font, low contrast.
        ("web/css/site.css", "color.near_miss", "#E6A83A"),
        ("web/css/site.css", "color.off_palette", "#2AA198"),
        ("web/css/site.css", "font.family", "Helvetica"),
        ("web/css/site.css", "contrast.text", "var(--gold)"),
        # The creatives: a stretched logo on a wrong background (the clean one passes).
        ("social/instagram/spring-wrong.png", "logo.distorted", ""),
        ("social/instagram/spring-wrong.png", "logo.background", ""),
        ("social/instagram/spring-wrong.png", "image.off_palette", ""),
    }
    missing = expected - found
    assert not missing, missing
    clean = {"web/about.md", "sms/spring.txt", "assets/banner.svg", "social/instagram/spring-clean.png",
             "assets/logo.png"}
    assert not clean & {f["path"] for f in data["findings"]}
    assert any(f["path"] == "sms/flash.txt" and f["rule"] == "length.max_bytes" for f in data["findings"])
    assert data["summary"]["files"] == 14  # the logo master (assets/logo.png) is the reference, not a creative
    [campaign] = data["campaigns"]
    assert campaign["campaign"] == "spring-launch"
    assert campaign["variants"][0]["facts"] == {"code": "omitted", "discount": "contradicted", "ends": "omitted",
                                                "url": "stated"}


def test_example_campaign_renders_and_catches_the_wrong_variant(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path / "lumen-tea")
    monkeypatch.chdir(tmp_path / "lumen-tea")
    result = CliRunner().invoke(main, ["render", "campaign.yaml", "--out", "out", "--format", "json"])
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    [finding] = data["findings"]
    assert (finding["path"], finding["rule"], finding["match"]) == ("out/instagram.en.txt",
                                                                    "consistency.contradiction", "May 31")
    assert finding["template"] == "templates/instagram.txt.j2:4"
    states = {v["variant"]: v["facts"]["ends"] for v in data["campaigns"][0]["variants"]}
    assert states["instagram (en)"] == "contradicted"
    assert all(state == "stated" for name, state in states.items() if name != "instagram (en)")
