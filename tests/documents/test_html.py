"""HTML: text and alt/title are prose, scripts and attributes are not; entities map back."""

from __future__ import annotations

from brandlint.documents import parse_document

PAGE = """\
<!doctype html>
<html><head><title>Spring &amp; LumenTea</title>
<style>.LumenTea { color: red }</style><script>var LumenTea = 1;</script></head>
<body>
  <h1 class="LumenTea">Meet <em>LumenTea</em></h1>
  <p>Caf&eacute; LumenTea &#8212; <a href="https://x.example/LumenTea" title="LumenTea shop">shop</a></p>
  <pre>LumenTea in pre</pre><code>LumenTea</code>
  <img src="x.png" alt='LumenTea cup'>
  <!-- brandlint-disable-next-line terms -->
</body></html>
"""


def test_prose_blocks_and_positions():
    doc = parse_document("p.html", PAGE.encode(), "html")
    found = []
    for block in doc.blocks:
        index = block.text.find("LumenTea")
        while index >= 0:
            start, end = block.span(index, index + 8)
            found.append((block.kind, doc.position(start), doc.source_slice(start, end)))
            index = block.text.find("LumenTea", index + 1)
    assert sorted(found, key=lambda item: item[1]) == [
        ("title", (2, 33), "LumenTea"),
        ("heading", (5, 33), "LumenTea"),
        ("paragraph", (6, 18), "LumenTea"),
        ("title", (6, 79), "LumenTea"),  # title attribute; the href is not prose
        ("alt", (8, 25), "LumenTea"),
    ]


def test_entities_decode_and_map_to_the_whole_entity():
    doc = parse_document("p.html", PAGE.encode(), "html")
    paragraph = next(b for b in doc.blocks if b.text.startswith("Café"))
    start, end = paragraph.span(0, 4)
    assert doc.source_slice(start, end) == "Caf&eacute;"
    assert "—" in paragraph.text


def test_links_and_comments():
    doc = parse_document("p.html", PAGE.encode(), "html")
    assert [(link.url, link.text) for link in doc.links] == [("https://x.example/LumenTea", "shop")]
    assert [c.body.strip() for c in doc.comments] == ["brandlint-disable-next-line terms"]
