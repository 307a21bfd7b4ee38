"""Where the store lives: URLs, $LAGEBILD_DB, and readable errors for unusable places."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lagebild.errors import StoreError
from lagebild.store import DB_ENV, Store, resolve_url


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (None, "sqlite:///./lagebild.db"),
        ("", "sqlite:///./lagebild.db"),
        ("x.db", "sqlite:///x.db"),
        ("/data/kb.sqlite", "sqlite:////data/kb.sqlite"),
        ("sqlite://", "sqlite://"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
    ],
)
def test_resolve_url(url: str | None, expected: str) -> None:
    assert resolve_url(url) == expected


def test_resolve_url_expands_the_home_folder() -> None:
    assert resolve_url("~/kb.db") == f"sqlite:///{Path.home() / 'kb.db'}"


def test_the_argument_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV, "env.db")
    assert resolve_url("arg.db") == "sqlite:///arg.db"


@pytest.mark.parametrize("value", ["{tmp}/env.db", "sqlite:///{tmp}/env.db"])
def test_environment_variable_names_the_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    monkeypatch.setenv(DB_ENV, value.format(tmp=tmp_path))
    with Store() as store:
        assert store.url == f"sqlite:///{tmp_path / 'env.db'}"
    assert (tmp_path / "env.db").is_file()


def test_default_store_is_in_the_working_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    Store().close()
    assert (tmp_path / "lagebild.db").is_file()


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("{tmp}/no/such/folder/x.db", "the folder .*no/such/folder does not exist"),
        ("{tmp}/a-file/x.db", "a-file is not a folder"),
        ("{tmp}", "is a folder, not a database file"),
        ("{tmp}/garbage.db", "file is not a database"),
        ("nosuchdialect://x", "cannot use the database URL nosuchdialect://x"),
        ("postgresql+nosuchdriver://u@h/db", "cannot use the database URL"),
        (
            "sqlite:///file:{tmp}/missing.db?mode=ro&uri=true",
            "cannot open the store.*unable to open",
        ),
    ],
)
def test_unusable_store_is_a_readable_store_error(tmp_path: Path, where: str, message: str) -> None:
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "garbage.db").write_bytes(b"not a database, just text" * 100)
    with pytest.raises(StoreError, match=message) as raised:
        Store(where.format(tmp=tmp_path))
    assert "Traceback" not in str(raised.value) and "\n" not in str(raised.value)


def test_unwritable_folder_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod does not stop root, so the permission check itself is what is tested here.
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    with pytest.raises(StoreError, match="is not writable"):
        Store(str(tmp_path / "x.db"))


def test_error_messages_hide_the_password() -> None:
    with pytest.raises(StoreError) as raised:
        Store("nosuchdialect://user:secret@host/db")
    assert "secret" not in str(raised.value)
