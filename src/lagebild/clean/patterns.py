"""Debris patterns: the shipped rule files, the loader for user pattern files, and the
structural expressions the cleaner uses for embed blocks and trailing credits.

A pattern file has one rule per line, ``reason<TAB>regular expression``; the
expression must match a whole (stripped) line, case-insensitively.  Blank lines
and lines starting with ``#`` are ignored.  Two files ship beside this module:
``patterns_de_en.txt`` (the hand-written default list) and ``learned.txt``
(normalised patterns proposed by ``lagebild.clean.learn`` from a corpus and
reviewed by hand).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lagebild.errors import ConfigError

#: Horizontal white space: any white space but the newline.
HSPACE = r"[^\S\n]"
#: A non-blank line: linear (no backtracking over runs of white space).
NONBLANK_LINE = re.compile(r"^[^\S\n]*\S[^\n]*", re.MULTILINE)
#: The stripped text of a line of 30 characters or more (group 1).
LONG_LINE = re.compile(r"^[^\S\n]*+(\S[^\n]{28,}\S)[^\S\n]*$", re.MULTILINE)
#: Never matches: the screen of an empty rule set.
NEVER = re.compile(r"(?!)")

#: The rule files shipped in the package, in the order they are tried.
SHIPPED = ("patterns_de_en.txt", "learned.txt")


@dataclass(frozen=True)
class LineRule:
    """A whole-line debris pattern and the reason recorded when it removes a line."""

    reason: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class RuleSet:
    """Whole-line rules, tried in order; the first that matches names the reason.

    ``screen`` finds, in one scan of a whole text, every line some rule might match
    (each candidate is then checked line by line), so a text's many content lines
    cost no Python work.  Rules whose meaning an alternation would change (back
    references, inline global flags) make every non-blank line a candidate.
    """

    rules: tuple[LineRule, ...]
    screen: re.Pattern[str] = NEVER

    @classmethod
    def of(cls, rules: list[LineRule]) -> RuleSet:
        return cls(tuple(rules), _screen([rule.pattern.pattern for rule in rules]))

    def reasons(self, line: str) -> Iterator[str]:
        """The reasons of the rules that match all of ``line``, first rule first."""
        return (rule.reason for rule in self.rules if rule.pattern.fullmatch(line))

    def matches(self, line: str) -> bool:
        return any(True for _ in self.reasons(line))


def _screen(expressions: list[str]) -> re.Pattern[str]:
    if not expressions:
        return NEVER
    if any(BACKREFERENCE.search(expression) for expression in expressions):
        return NONBLANK_LINE
    body = "|".join(expressions)
    try:
        return re.compile(rf"^{HSPACE}*(?:{body}){HSPACE}*$", re.IGNORECASE | re.MULTILINE)
    except re.error:  # e.g. an inline "(?i)" that is legal alone but not inside an alternation
        return NONBLANK_LINE


BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")

_LABELS = (
    r"twitter|x|x \(ehemals twitter\)|youtube|instagram|facebook|telegram|tiktok|spotify|"
    r"podcast|soundcloud|vimeo|threads|bluesky|mastodon|pinterest|linkedin|datawrapper|"
    r"flourish|infogram|riddle|opinary|outbrain|glomex|podigee|apester|"
    r"(?:empfohlener )?externer inhalt(?: von [\w .-]{1,40})?|"
    r"(?:recommended )?external content|embedded content|eingebetteter inhalt"
)
_BUTTONS = (
    r"inhalte? laden|externe(?:n)? inhalte? (?:laden|anzeigen|zulassen)|"
    r"mehr erfahren|load content|show content|learn more|more information|"
    r"akzeptieren(?: und anzeigen)?|zustimmen(?: und anzeigen)?|alle akzeptieren|"
    r"einverstanden|immer anzeigen|tweet laden|video laden|post laden|beitrag laden"
)
#: Platform labels that open an embed block ("Twitter", "Empfohlener externer Inhalt").
EMBED_LABEL = re.compile(rf"^(?:{_LABELS})\s*:?$", re.IGNORECASE)
EMBED_LABEL_LINE = re.compile(
    rf"^{HSPACE}*(?:{_LABELS}){HSPACE}*:?{HSPACE}*$", re.IGNORECASE | re.MULTILINE
)
#: The button lines that close an embed block.
EMBED_END = re.compile(rf"^(?:{_BUTTONS})\s*\.?$", re.IGNORECASE)
EMBED_END_LINE = re.compile(
    rf"^{HSPACE}*(?:{_BUTTONS}){HSPACE}*\.?{HSPACE}*$", re.IGNORECASE | re.MULTILINE
)
#: Consent text inside an embed block.
EMBED_CONSENT = re.compile(
    r"(?:datenschutzerklärung|datenschutzbestimmungen|mit dem laden des|beim laden des|"
    r"akzeptieren sie|externe inhalte|externen inhalt|personenbezogene daten|"
    r"privacy policy|by loading the|you agree to|you accept|cookie|consent|"
    r"an dieser stelle finden sie (?:einen|ein|eine) )",
    re.IGNORECASE,
)
#: A credit at the end of a caption line: "… ein besonderer Moment. © Privat".  It starts
#: at the white space after the caption (possessive: no backtracking inside a long run).
TRAILING_CREDIT = re.compile(
    rf"(?<=\S){HSPACE}++(?:©|\(c\)|(?:foto|fotos|bild|quelle|photo|credit){HSPACE}*:){HSPACE}*"
    r"(?:[\w.\- ]{0,40}(?:imago|dpa|afp|ap|reuters|getty|picture[- ]alliance|epa|privat|"
    r"istock|shutterstock|keystone|ddp|sputnik|tass|anadolu)[\w/.\-| ]{0,60}|[^\n©]{1,60})"
    rf"{HSPACE}*$",
    re.IGNORECASE | re.MULTILINE,
)
#: Embed consent text that follows a caption on the same line: "Tränen nach dem Auftritt
#: An dieser Stelle finden Sie Inhalte aus Twitter …": the caption stays.
TRAILING_EMBED = re.compile(
    rf"(?<=\S){HSPACE}++an dieser stelle finden sie (?:inhalte|einen|ein|eine) [^\n]{{0,600}}"
    r"(?:anzuzeigen|zustimmung|einwillig|datenschutz)[^\n]{0,2000}$",
    re.IGNORECASE | re.MULTILINE,
)
#: The link label that closes a copied report: "UNDERSTANDING WAR im Internet".  Only the
#: last lines of a document are tested, since "Propaganda im Internet" may be a subheading.
LINK_LABEL = re.compile(
    r"[^.!?:\n]{1,60}\s(?:im internet|im netz|on the (?:web|internet)|online lesen)|"
    r"zur (?:website|webseite|homepage|originalquelle)[^\n]{0,60}|"
    r"(?:visit|go to) (?:the )?(?:website|homepage)[^\n]{0,60}",
    re.IGNORECASE,
)


def compile_rules(rules: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> list[LineRule]:
    """Compile ``(reason, regex)`` pairs; a bad regex is a ConfigError naming it."""
    compiled = []
    for reason, expression in rules:
        try:
            compiled.append(LineRule(reason, re.compile(rf"(?:{expression})", re.IGNORECASE)))
        except re.error as error:
            raise ConfigError(f"bad cleaning pattern {expression!r}: {error}") from error
    return compiled


def read_rules(text: str, origin: str) -> list[tuple[str, str]]:
    """Parse a pattern file's text (``reason<TAB>regex`` per line)."""
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        reason, tab, expression = line.partition("\t")
        if not tab or not expression.strip():
            raise ConfigError(f"{origin}:{number}: expected 'reason<TAB>regular expression'")
        rules.append((reason.strip(), expression.strip()))
    return rules


def shipped_rules() -> list[tuple[str, str]]:
    """The rules of the files shipped in the package."""
    folder = resources.files("lagebild.clean")
    pairs: list[tuple[str, str]] = []
    for name in SHIPPED:
        pairs.extend(read_rules(folder.joinpath(name).read_text("utf-8"), name))
    return pairs


@lru_cache(maxsize=8)
def load_rules(extra_files: tuple[str, ...] = (), extra_patterns: tuple[str, ...] = ()) -> RuleSet:
    """Shipped rules, rules from ``extra_files`` and bare patterns, compiled once."""
    pairs = shipped_rules()
    for name in extra_files:
        try:
            pairs.extend(read_rules(Path(name).read_text("utf-8"), name))
        except OSError as error:
            raise ConfigError(f"cannot read cleaning patterns {name}: {error}") from error
    pairs.extend(("extra-pattern", expression) for expression in extra_patterns)
    return RuleSet.of(compile_rules(pairs))
