"""Debris patterns: the shipped default list and the loader for pattern files.

A pattern file has one rule per line, ``reason<TAB>regular expression``; the
expression must match a whole (stripped) line, case-insensitively.  Blank lines
and lines starting with ``#`` are ignored.  ``learned.txt`` beside this module is
produced by ``lagebild.clean.learn`` from a corpus and reviewed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lagebild.errors import ConfigError


@dataclass(frozen=True)
class LineRule:
    """A whole-line debris pattern and the reason recorded when it removes a line."""

    reason: str
    pattern: re.Pattern[str]


#: Platform labels that open an embed block ("Twitter", "Empfohlener externer Inhalt").
EMBED_LABEL = re.compile(
    r"^(?:twitter|x|x \(ehemals twitter\)|youtube|instagram|facebook|telegram|tiktok|spotify|"
    r"podcast|soundcloud|vimeo|threads|bluesky|mastodon|pinterest|linkedin|datawrapper|"
    r"flourish|infogram|riddle|opinary|outbrain|glomex|podigee|apester|"
    r"(?:empfohlener )?externer inhalt(?: von [\w .-]+)?|"
    r"(?:recommended )?external content|embedded content|eingebetteter inhalt)\s*:?$",
    re.IGNORECASE,
)
#: Consent text inside an embed block.
EMBED_CONSENT = re.compile(
    r"(?:datenschutzerklärung|datenschutzbestimmungen|mit dem laden des|beim laden des|"
    r"akzeptieren sie|externe inhalte|externen inhalt|personenbezogene daten|"
    r"privacy policy|by loading the|you agree to|you accept|cookie|consent|"
    r"an dieser stelle finden sie (?:einen|ein|eine) )",
    re.IGNORECASE,
)
#: The button lines that close an embed block.
EMBED_END = re.compile(
    r"^(?:inhalt laden|inhalte laden|externen? inhalte? (?:laden|anzeigen|zulassen)|"
    r"mehr erfahren|load content|show content|learn more|more information|"
    r"akzeptieren(?: und anzeigen)?|zustimmen(?: und anzeigen)?|alle akzeptieren|"
    r"einverstanden|immer anzeigen|tweet laden|video laden|post laden|beitrag laden)\s*\.?$",
    re.IGNORECASE,
)

#: Whole-line debris that no article needs, by reason.
DEFAULT_RULES: tuple[tuple[str, str], ...] = (
    (
        "share-bar",
        r"(?:(?:drucken|teilen|merken|kommentieren|kommentare|twittern|e-?mail|"
        r"whatsapp|facebook|twitter|x|link kopieren|share|print|save|tweet)[\s|·•/]*){1,8}",
    ),
    (
        "advertisement",
        r"anzeige|werbung|advertisement|sponsored|gesponsert|\{.*\"placeholdertype\".*\}",
    ),
    (
        "navigation",
        r"(?:lesen sie (?:auch|mehr|hier(?: den live-?ticker)?)|mehr zum thema|"
        r"mehr zu(?:m)? \w+|zur startseite|zum liveblog|zum artikel|weiterlesen|"
        r"read more|related(?: articles)?|see also|alle (?:artikel|meldungen|news)|"
        r"nach oben|top|zurück|back to top|jetzt lesen|artikel merken|"
        r"mehr anzeigen|weitere (?:artikel|meldungen|videos))\s*:?",
    ),
    (
        "redirect",
        r"falls sie nicht (?:automatisch )?weitergeleitet werden.*|"
        r"if you are not redirected.*|javascript (?:ist )?deaktiviert.*",
    ),
    (
        "gallery",
        r"(?:fotostrecke|bildergalerie|galerie|slideshow)(?: ansehen| öffnen| starten)?|"
        r"bild vergrößern|zoom|alle bilder anzeigen|\d+ bilder",
    ),
    (
        "newsletter",
        r"(?:newsletter|hier|jetzt)(?: kostenlos| gratis)? (?:abonnieren|bestellen|"
        r"anmelden)|newsletter.*(?:abonnieren|anmelden).*|subscribe(?: to)?.*newsletter.*|"
        r"sign up for .*newsletter.*",
    ),
    (
        "media-player",
        r"(?:video|audio) (?:abspielen|anhören|starten)|play video|"
        r"\d{1,2}:\d{2} min|dauer \d+:\d{2}|ende der werbung|werbung überspringen",
    ),
    (
        "photo-credit",
        r"(?:©|\(c\)|foto|fotos|bild|bilder|quelle|photo|image|credit)\s*:?\s*"
        r"(?:imago|dpa|afp|ap|reuters|getty(?: images)?|picture[- ]alliance|"
        r"epa|privat|istock|shutterstock|keystone|ddp|sputnik|tass|anadolu)[^\n]{0,80}|"
        r"©[^\n]{1,80}",
    ),
    (
        "transparency-note",
        r"(?:transparenzhinweis|konfliktparteien als quelle|hinweis der redaktion"
        r"|transparency note)\b.{20,}",
    ),
    (
        "embed-consent",
        r"an dieser stelle finden sie (?:inhalte|einen|ein|eine) .{0,600}"
        r"(?:anzuzeigen|zustimmung|einwillig|datenschutz).{0,2000}",
    ),
    (
        "embed-consent",
        r"(?:an dieser stelle finden sie .{0,400})?um eingebettete inhalte anzuzeigen.{0,2000}",
    ),
    (
        "embed-consent",
        r".{0,600}(?:wurde er|wurde sie|wurde es) nicht ohne ihre zustimmung geladen.{0,600}",
    ),
    (
        "newsletter",
        r".{0,400}newsletter.{0,400}(?:registrieren|jetzt anmelden|abonnieren|anmeldung).{0,800}",
    ),
    ("gallery", r".{1,200}\s(?:fotostrecke|bildergalerie) ansehen"),
    ("navigation", r"(?:lesen sie auch|auch interessant|im video|mehr dazu)\s*:?\s.{1,300}"),
    ("navigation", r"auch interessant"),
    (
        "navigation",
        r".{0,200}(?:die entwicklungen im liveblog|der liveblog vom \w+) zum nachlesen\.?",
    ),
    ("broadcast-note", r"diese nachricht wurde am .{1,120} im programm .{1,120} gesendet\.?"),
    ("provenance-note", r"direkt aus dem dpa-newskanal.{0,600}"),
    (
        "consent",
        r"(?:mit dem laden des|by loading the)[^\n]{0,200}(?:datenschutz|privacy)[^\n]{0,120}",
    ),
)

#: A credit at the end of a caption line: "… ein besonderer Moment. © Privat".
TRAILING_CREDIT = re.compile(
    r"(?:\s+|^)(?:©|\(c\)|(?:foto|fotos|bild|quelle|photo|credit)\s*:)\s*"
    r"(?:[\w.\- ]{0,40}(?:imago|dpa|afp|ap|reuters|getty|picture[- ]alliance|epa|privat|"
    r"istock|shutterstock|keystone|ddp|sputnik|tass|anadolu)[\w/.\-| ]{0,60}|[^\n©]{1,60})\s*$",
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


@lru_cache(maxsize=8)
def load_rules(
    extra_files: tuple[str, ...] = (), extra_patterns: tuple[str, ...] = ()
) -> list[LineRule]:
    """Default rules, the shipped learned rules, rules from ``extra_files`` and bare patterns."""
    learned = resources.files("lagebild.clean").joinpath("learned.txt").read_text("utf-8")
    pairs = [*DEFAULT_RULES, *read_rules(learned, "learned.txt")]
    for name in extra_files:
        try:
            pairs.extend(read_rules(Path(name).read_text("utf-8"), name))
        except OSError as error:
            raise ConfigError(f"cannot read cleaning patterns {name}: {error}") from error
    pairs.extend(("extra-pattern", expression) for expression in extra_patterns)
    return compile_rules(pairs)


#: Embed consent text that follows a caption on the same line: "Tränen nach dem Auftritt
#: An dieser Stelle finden Sie Inhalte aus Twitter …": the caption stays.
TRAILING_EMBED = re.compile(
    r"\s+an dieser stelle finden sie (?:inhalte|einen|ein|eine) .{0,600}"
    r"(?:anzuzeigen|zustimmung|einwillig|datenschutz).{0,2000}$",
    re.IGNORECASE,
)
