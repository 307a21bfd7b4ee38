"""Decode bytes of unknown encoding: detection, whole-buffer and streamed decoding.

The policy (see docs/decisions/0004-readers.md):

1. A byte-order mark wins (UTF-8, UTF-16, UTF-32); BOM-less UTF-16 is recognised
   by NULs on one byte parity.
2. UTF-8, strictly, or "mostly UTF-8": when valid multi-byte sequences are at least
   as many as invalid bytes, the text is UTF-8 and each invalid byte is decoded as
   its Windows-1252 character (Latin-1 for cp1252's five undefined bytes) and
   counted in ``decode_errors``.  That is reversible and right for the usual cause,
   a Windows-1252 passage pasted into a UTF-8 file; nothing is silently replaced.
3. Otherwise a legacy 8-bit code page.  Text in a non-Latin script (most letters
   are high bytes) goes to charset-normalizer, limited to Cyrillic and Greek code
   pages.  Latin-script text is Windows-1252 when bytes 0x80–0x9F occur (C1
   controls in Latin-1, which real text never contains), Latin-1 otherwise.
   charset-normalizer is not asked to choose among Latin code pages: on short
   German text it answers cp1250 or mac_latin2.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from charset_normalizer import from_bytes

from lagebild.read.sniff import bom_encoding, utf16_without_bom

FALLBACK = "lagebild.cp1252-fallback"
REPLACE = "lagebild.counted-replace"

#: Share of letters in 0xC0–0xFF above which a legacy text is in a non-Latin script.  Both
#: Latin-1 accented letters and Cyrillic/Greek letters live there; German has about 3 %,
#: Russian in cp1251 or KOI8-R close to 100 %.
NON_LATIN_SHARE = 0.5

#: Code pages offered to charset-normalizer for non-Latin legacy text, preferred first.
NON_LATIN_CANDIDATES = (
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "iso8859_5",
    "mac_cyrillic",
    "cp1253",
    "iso8859_7",
    "cp1252",
)

_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_ASCII_LETTERS = re.compile(rb"[A-Za-z]")
_HIGH_LETTERS = re.compile(rb"[\xc0-\xff]")
_COUNTER = threading.local()


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_CP1252 = tuple(_cp1252_char(byte) for byte in range(256))


def error_count() -> int:
    """Bytes (or sequences) that the counting error handlers have replaced in this thread."""
    errors: int = getattr(_COUNTER, "errors", 0)
    return errors


def _count(errors: int) -> None:
    _COUNTER.errors = error_count() + errors


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    _count(len(bad))
    return "".join(_CP1252[byte] for byte in bad), error.end


def _counted_replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _count(1)
    return "\ufffd", error.end


codecs.register_error(FALLBACK, _cp1252_fallback)
codecs.register_error(REPLACE, _counted_replace)


@dataclass(frozen=True)
class Encoding:
    """A detected encoding: the codec to decode with, its label for metadata, the error handler."""

    codec: str
    label: str
    errors: str = FALLBACK


UTF8 = Encoding("utf-8", "utf-8")


def _from_bom(bom: str) -> Encoding:
    errors = FALLBACK if bom == "utf-8-sig" else REPLACE
    return Encoding(bom, bom, errors)


def detect(sample: bytes) -> Encoding:
    """The encoding of a text whose first bytes are ``sample`` (see the module docstring)."""
    bom = bom_encoding(sample)
    if bom:
        return _from_bom(bom)
    utf16 = utf16_without_bom(sample)
    if utf16:
        return Encoding(utf16, utf16, REPLACE)
    if mostly_utf8(sample):
        return UTF8
    return legacy(sample)


def mostly_utf8(sample: bytes) -> bool:
    """Valid UTF-8, or valid multi-byte sequences at least as many as invalid bytes."""
    if sample.isascii():
        return True
    decoder = codecs.getincrementaldecoder("utf-8")(FALLBACK)
    before = error_count()
    text = decoder.decode(sample, final=False)  # a sequence cut off at the end is no error
    invalid = error_count() - before
    if not invalid:
        return True
    multibyte = sum(1 for char in text if ord(char) > 127) - invalid
    return multibyte >= invalid


def legacy(sample: bytes) -> Encoding:
    """The 8-bit code page of a text that is not UTF-8."""
    if non_latin_share(sample) > NON_LATIN_SHARE:
        guess = _charset_normalizer(sample)
        if guess is not None and guess.codec != "cp1252":
            return guess
    if _C1_BYTES.search(sample):
        return Encoding("cp1252", "cp1252")
    return Encoding("latin-1", "latin-1")


def non_latin_share(sample: bytes) -> float:
    """Share of letter bytes (ASCII letters and 0xC0–0xFF) that are in 0xC0–0xFF."""
    high = len(_HIGH_LETTERS.findall(sample))
    letters = high + len(_ASCII_LETTERS.findall(sample))
    return high / letters if letters else 0.0


def _charset_normalizer(sample: bytes) -> Encoding | None:
    """charset-normalizer's least chaotic candidate; ties go to the more common code page."""
    matches = list(from_bytes(sample, cp_isolation=list(NON_LATIN_CANDIDATES)))
    if not matches:
        return None
    least = min(round(match.chaos, 2) for match in matches)
    best = {codecs.lookup(m.encoding).name for m in matches if round(m.chaos, 2) == least}
    for candidate in NON_LATIN_CANDIDATES:
        name = codecs.lookup(candidate).name
        if name in best:
            return Encoding(candidate, name)
    return None


def decode(data: bytes, encoding: Encoding) -> tuple[str, int]:
    """``data`` decoded whole, and how many bytes or sequences could not be decoded."""
    before = error_count()
    text = data.decode(encoding.codec, encoding.errors)
    return text, error_count() - before


@dataclass
class DecodeStats:
    """Running count of undecodable bytes while a stream is decoded."""

    errors: int = 0


def decode_chunks(chunks: Iterable[bytes], encoding: Encoding, stats: DecodeStats) -> Iterator[str]:
    """Decode a byte stream incrementally, with newlines normalised to ``\\n``."""
    decoder = codecs.getincrementaldecoder(encoding.codec)(encoding.errors)
    carry = ""  # a trailing "\r" waits for the next chunk, which may start with "\n"
    for chunk in chunks:
        text = carry + _decode_counted(decoder, chunk, False, stats)
        carry = "\r" if text.endswith("\r") else ""
        yield normalise_newlines(text[:-1] if carry else text)
    tail = carry + _decode_counted(decoder, b"", True, stats)
    if tail:
        yield normalise_newlines(tail)


def _decode_counted(
    decoder: codecs.IncrementalDecoder, chunk: bytes, final: bool, stats: DecodeStats
) -> str:
    before = error_count()
    text = decoder.decode(chunk, final)
    stats.errors += error_count() - before
    return text


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``, as Python's text mode does."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
