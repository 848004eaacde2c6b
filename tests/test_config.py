"""Config precedence: defaults < file < env < flags; clear errors."""
from __future__ import annotations

import pytest

from edgewise.config import ConfigError, load_config, require_auth_for_bind


def test_precedence(tmp_path, monkeypatch):
    f = tmp_path / "c.yaml"
    f.write_text("model: from-file\nengine: {n_ctx: 1024, n_threads: 3}\n")
    monkeypatch.delenv("EDGEWISE_MODEL", raising=False)
    assert load_config(f).model == "from-file"
    monkeypatch.setenv("EDGEWISE_MODEL", "from-env")
    monkeypatch.setenv("EDGEWISE_CTX", "2048")
    cfg = load_config(f, {"model": "from-flag", "engine.n_threads": None})
    assert cfg.model == "from-flag" and cfg.engine.n_ctx == 2048 and cfg.engine.n_threads == 3


def test_token_env_serves_both_sides(tmp_path, monkeypatch):
    monkeypatch.setenv("EDGEWISE_TOKEN", "t0k")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    cfg = load_config(None)
    assert cfg.server.token == cfg.remote.token == "t0k"


def test_bad_files_are_clear(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("engine: {n_ctx: lots}\n")
    with pytest.raises(ConfigError, match="engine.n_ctx"):
        load_config(bad)
    bad.write_text("engine: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "missing.yaml")
    bad.write_text("unknown_section: 1\n")
    with pytest.raises(ConfigError):
        load_config(bad)


def test_non_loopback_bind_needs_a_secret():
    require_auth_for_bind("127.0.0.1", None, "gateway")
    with pytest.raises(ConfigError, match="refusing to bind"):
        require_auth_for_bind("0.0.0.0", None, "gateway")
    require_auth_for_bind("0.0.0.0", "key", "gateway")
