"""Bytes to text: BOM, line endings, binary and undecodable files, size limit, front matter."""

from __future__ import annotations

import pytest

from brandlint.documents import DocumentError, parse_document
from brandlint.documents.reading import MAX_FILE_BYTES


def test_utf8_bom_is_not_counted_in_columns_and_is_remembered():
    doc = parse_document("a.txt", "\ufeffHi LumenTea\r\n".encode(), "text")
    assert doc.bom and doc.encoding == "utf-8" and doc.newline == "\r\n"
    block = doc.blocks[0]
    start, _ = block.span(3, 11)
    assert doc.position(start) == (1, 4)


def test_utf16_with_bom_is_read():
    doc = parse_document("a.txt", "\ufeffHello 티".encode("utf-16-le"), "text")
    assert doc.blocks[0].text == "Hello 티" and doc.encoding == "utf-16-le"


def test_binary_file_is_refused():
    with pytest.raises(DocumentError, match="binary"):
        parse_document("a.md", b"PK\x03\x04\x00\x00", "markdown")


def test_invalid_utf8_names_line_and_column():
    with pytest.raises(DocumentError) as info:
        parse_document("a.md", b"ok\ncaf\xe9\n", "markdown")
    assert (info.value.line, info.value.column) == (2, 4)
    assert "UTF-8" in info.value.message


def test_declared_fallback_encoding_reads_legacy_files():
    doc = parse_document("a.txt", "루멘티".encode("cp949"), "text", ("cp949",))
    assert doc.blocks[0].text == "루멘티" and doc.encoding == "cp949"


def test_oversized_file_is_refused_with_its_size():
    with pytest.raises(DocumentError, match="MB"):
        parse_document("big.md", b"a" * (MAX_FILE_BYTES + 1), "markdown")


def test_front_matter_errors_are_located_in_the_document():
    with pytest.raises(DocumentError) as info:
        parse_document("a.md", b"---\nchannel: [x\n---\nHi\n", "markdown")
    assert info.value.line == 3 and "front matter" in info.value.message
    with pytest.raises(DocumentError, match="must be text"):
        parse_document("a.md", b"---\nchannel: 3\n---\nHi\n", "markdown")


def test_text_comments_and_hashtags():
    doc = parse_document("a.txt", b"# brandlint-disable terms\n#Hashtag first\n# a note\nbody\n", "text")
    assert [b.text for b in doc.blocks] == ["#Hashtag first", "body"]
    assert len(doc.comments) == 2


def test_a_very_short_cp949_file_is_read_without_a_declared_encoding():
    for text in ("최고!\n", "할인!\n", "봄\n"):
        doc = parse_document("a.txt", text.encode("cp949"), "text", ())
        assert (doc.blocks[0].text, doc.encoding) == (text.strip(), "cp949"), text


def test_latin_1_bytes_are_not_taken_for_korean():
    import pytest

    from brandlint.documents import DocumentError

    with pytest.raises(DocumentError, match="not valid UTF-8 or CP949"):
        parse_document("a.txt", "Café crème brûlée\n".encode("latin-1"), "text", ())


def test_a_decomposed_latin_accent_is_composed_and_positions_stay_in_the_source():
    doc = parse_document("a.md", "Cafe\u0301 au lait, cafe\u0301.\n".encode(), "markdown", ())
    assert doc.blocks[0].text == "Café au lait, café."
    start = doc.text.index("café")
    assert doc.position(start) == (1, 16)  # code points of the source: "Cafe\u0301 au lait, " is 15
    assert doc.source[doc.source_offset(start):doc.source_offset(start + 4)] == "cafe\u0301"
