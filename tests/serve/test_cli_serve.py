"""`lagebild serve`: one process with uploads, or several read-only processes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import lagebild.serve as serve
from lagebild.cli import cli
from lagebild.config import CONFIG_ENV
from lagebild.serve import app_from_environment
from lagebild.store.engine import DB_ENV

Calls = list[tuple[str, object]]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """What the command asked of the server, without starting one."""
    seen: Calls = []
    monkeypatch.setattr(serve, "run", lambda app, **_: seen.append(("run", app)))
    monkeypatch.setattr(serve, "run_processes", lambda n, **_: seen.append(("processes", n)))
    monkeypatch.delenv(DB_ENV, raising=False)
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    monkeypatch.delenv("LAGEBILD_TOKEN", raising=False)
    return seen


def test_one_process_by_default(calls: Calls, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert [kind for kind, _ in calls] == ["run"]


def test_workers_start_that_many_processes(calls: Calls, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--workers", "3"])
    assert result.exit_code == 0, result.output
    assert calls == [("processes", 3)]


def test_workers_find_the_store_in_the_environment(calls: Calls, tmp_path: Path) -> None:
    CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--workers", "2"])
    assert os.environ[DB_ENV] == f"sqlite:///{tmp_path / 's.db'}"


def test_workers_find_the_config_in_the_environment(calls: Calls, tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[pipeline]\n", "utf-8")
    arguments = ["--config", str(config), "serve", "--db", str(tmp_path / "s.db")]
    CliRunner().invoke(cli, [*arguments, "--workers", "2"])
    assert os.environ[CONFIG_ENV] == str(config)


def test_uploads_and_workers_do_not_mix(calls: Calls, tmp_path: Path) -> None:
    arguments = ["serve", "--db", str(tmp_path / "s.db"), "--workers", "2", "--token", "t"]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2 and "uploads need one process" in result.output
    assert calls == []


def test_app_from_environment_is_read_only_over_that_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DB_ENV, f"sqlite:///{tmp_path / 'env.db'}")
    service = app_from_environment().state.service
    try:
        assert service.token is None and str(tmp_path / "env.db") in service.store.url
    finally:
        service.close()
