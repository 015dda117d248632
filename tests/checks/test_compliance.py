"""compliance.disclosure: legal wording that must travel with an offer or a claim."""

from __future__ import annotations

GUIDE = """\
channels:
  website: {}
  sms: {language: ko}
files:
  "web/**": website
  "sms/**": sms
compliance:
  - id: offer-terms
    when: ["% off", discount]
    require: [Terms apply, See terms]
    message: Every offer links its terms.
  - id: ko-offer
    when: [할인]
    require: [유의사항]
    channels: [sms]
    level: warning
"""


def test_an_offer_without_its_terms_is_flagged_at_the_first_mention(project):
    project.guide(GUIDE)
    project.write("web/a.md", "# Spring\n\nOur Spring Blend is 20% off.\n\nA discount for all.\n")
    project.write("web/b.md", "# Spring\n\nOur Spring Blend is 20% off. TERMS   apply.\n")
    project.write("web/c.md", "# Spring\n\nOur Spring Blend is here.\n")
    found = [(f["path"], f["line"], f["column"], f["match"], f["severity"]) for f in project.findings("web")]
    assert found == [("web/a.md", 3, 23, "% off", "error")]
    [finding] = project.findings("web/a.md")
    assert finding["rule"] == "compliance.disclosure"
    assert finding["message"] == ("Mentions '% off' without the required wording 'Terms apply' or 'See terms' "
                                  "(compliance `offer-terms`). Every offer links its terms.")


def test_channel_entries_apply_only_there_and_korean_is_found_before_particles(project):
    project.guide(GUIDE)
    project.write("sms/a.txt", "(광고) 봄 블렌드 20% 할인을 놓치지 마세요. Terms apply.\n")
    project.write("b.txt", "봄 블렌드 20% 할인을 놓치지 마세요. Terms apply.\n")
    found = [(f["path"], f["column"], f["match"], f["severity"]) for f in project.findings(".", rule="compliance")]
    assert found == [("sms/a.txt", 16, "할인", "warning")]


def test_compliance_can_be_turned_off_and_unknown_channels_are_located(project):
    project.guide(GUIDE + "rules:\n  compliance: off\n")
    project.write("web/a.md", "20% off.\n")
    assert project.findings("web/a.md") == []
    project.guide(GUIDE.replace("channels: [sms]", "channels: [smss]"))
    result = project.run("check", "web/a.md")
    assert result.exit_code == 2
    assert "brand.yaml:16:16: compliance `ko-offer` names unknown channel `smss`; did you mean `sms`?" \
        in result.stderr
