"""The stage registry and runner."""

from __future__ import annotations

import pytest

from lagebild.errors import ConfigError, StageError
from lagebild.pipeline import Pipeline, Registry, build_pipeline, registry, run_stage
from lagebild.records import Document

BUILTIN = ["lagebild.clean.v1", "lagebild.language.v1", "lagebild.sentences.v1"]


def _doc(text: str = "Ein Satz. Noch ein Satz.") -> Document:
    return Document(source="t", raw_text=text).finalise_id()


@pytest.mark.parametrize("name", BUILTIN)
def test_registry_knows_builtin_stage(name: str) -> None:
    assert registry.get(name).name == name


def test_registry_unknown_stage_lists_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown stage 'nope'.*lagebild.clean.v1"):
        registry.get("nope")


def test_build_rejects_stage_whose_requirement_is_unmet() -> None:
    with pytest.raises(
        ConfigError, match=r"lagebild.sentences.v1.*requires \['language', 'text'\]"
    ):
        build_pipeline(["lagebild.sentences.v1"])


def test_build_rejects_unknown_option() -> None:
    with pytest.raises(ConfigError, match=r"bad options for stage 'lagebild\.language\.v1'"):
        build_pipeline(BUILTIN, {"lagebild.language.v1": {"colour": "blue"}})


def test_build_rejects_bad_option_value() -> None:
    with pytest.raises(ConfigError, match="bad option value"):
        build_pipeline(BUILTIN, {"lagebild.language.v1": {"languages": ["xx"]}})


def test_pipeline_runs_stages_in_order_and_records_them() -> None:
    document = build_pipeline(BUILTIN)(_doc())
    assert document.stages == BUILTIN


def test_register_rejects_unknown_document_field() -> None:
    with pytest.raises(ConfigError, match="unknown Document fields"):
        Registry().register("x.v1", assigns=["no_such_field"])


def _broken(document: Document) -> Document:
    raise KeyError("boom")


def _returns_none(document: Document) -> Document:
    return None  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("stage", "message"),
    [(_broken, r"stage 'x.v1' failed on t: KeyError"), (_returns_none, "returned NoneType")],
)
def test_runner_names_failing_stage(stage: object, message: str) -> None:
    with pytest.raises(StageError, match=message):
        run_stage("x.v1", stage, _doc())  # type: ignore[arg-type]


def test_registered_third_party_stage_is_usable() -> None:
    local = Registry(loaded=True)

    @local.register("test.upper.v1", requires=["raw_text"], assigns=["text"])
    def make_upper() -> object:
        def upper(document: Document) -> Document:
            document.text = document.raw_text.upper()
            return document

        return upper

    stage = local.get("test.upper.v1").factory()
    assert Pipeline((("test.upper.v1", stage),))(_doc("abc")).text == "ABC"
