"""The HTML report in a real browser (Debian's Chromium driven by Playwright), offline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lumen-tea"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium on this machine (.ci/run installs Debian's `chromium`)")


def test_report_of_the_example_campaign_in_a_browser(project):
    browser_path = _chromium()
    from playwright.sync_api import sync_playwright

    shutil.copytree(EXAMPLE, project.root / "lumen-tea")
    (project.root / "lumen-tea" / "out").mkdir()
    result = project.run("render", "lumen-tea/campaign.yaml", "--out", "lumen-tea/out/spring",
                         "--format", "html", "--output", "report.html")
    assert result.exit_code == 1, result.stderr
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=browser_path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1400})
            page.on("request", lambda request: requests.append(request.url))
            page.goto((project.root / "report.html").as_uri())
            assert page.title() == "brandlint report: 1 error"
            assert page.locator("#count-files b").inner_text() == "6"
            assert page.locator("#count-error b").inner_text() == "1"
            matrix = page.locator("table.matrix")
            row = matrix.locator("tr", has_text="instagram (en)")
            assert row.locator("td.contradicted").inner_text() == "contradicted"
            assert matrix.locator("td.contradicted").count() == 1
            assert page.locator(".variants .variant").count() == 6
            assert page.locator("mark").first.inner_text() == "May 31"
            assert page.locator("#channel-scores rect").count() == 5
            # The campaign's score, as text and JSON give it (SPEC §6: per channel and per campaign).
            assert page.locator("#campaign-scores rect").count() == 1
            assert page.locator("#campaign-scores").text_content().startswith("spring-launch (6)")
            assert page.locator("section.campaign h2 .score").inner_text().startswith("score ")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "report-example-campaign.png"), full_page=True)
        finally:
            browser.close()
    assert all(url.startswith("file://") for url in requests), requests
    assert (ARTIFACTS / "report-example-campaign.png").stat().st_size > 10_000
