"""The hub's configuration, made from a real workspace and loaded the way JupyterHub loads it (traitlets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from traitlets.config import Config, PyFileConfigLoader

from ikm_curriculum.errors import WorkspaceError
from ikm_curriculum.serve.hub_config import (
    IDLE_CULLER_SCOPES,
    SERVE_SCOPES,
    SERVE_TOKEN_ENV,
    ServeSettings,
    configure_hub,
    participant_server_config,
    serve_folders,
    write_hub_config,
)
from ikm_curriculum.serve.landing import workbook_index
from ikm_curriculum.serve.participant_server import WIDGET_MESSAGES


def test_written_config_file_loads_with_traitlets_and_names_our_parts(workspace, released) -> None:
    folders = write_hub_config(workspace, ServeSettings(released, port=18123, hub_port=18124, proxy_api_port=18125))
    assert oct(folders.hub.stat().st_mode & 0o777) == "0o700"  # cookie secret and hub database live here
    config = PyFileConfigLoader(folders.config_file.name, path=str(folders.hub)).load_config()
    assert config.JupyterHub.bind_url == "http://0.0.0.0:18123"
    assert config.JupyterHub.hub_bind_url == "http://127.0.0.1:18124"
    assert config.ConfigurableHTTPProxy.api_url == "http://127.0.0.1:18125"
    assert config.JupyterHub.authenticator_class.endswith("authenticator.PinAuthenticator")
    assert config.PinAuthenticator.database_url == workspace.database_url
    assert config.PinAuthenticator.cohort == released
    assert config.JupyterHub.spawner_class.endswith("spawner.CohortSpawner")
    assert config.CohortSpawner.release_dir == str(workspace.release_dir(released))
    assert config.CohortSpawner.separate_users is False
    assert config.Spawner.default_url == "/ikm"
    assert config.JupyterHub.db_url == f"sqlite:///{folders.hub / 'jupyterhub.sqlite'}"
    services = {service["name"]: service for service in config.JupyterHub.services}
    assert "--timeout=3600" in services["idle-culler"]["command"]
    assert config.JupyterHub.load_roles[0]["scopes"] == IDLE_CULLER_SCOPES
    fork_socket = Path(config.CohortSpawner.fork_socket)  # Voilà, the hub's user: servers and kernels are forked
    assert services["ikm-forkserver"]["command"][-2:] == ["ikm_curriculum.serve.forkserver", str(fork_socket)]
    assert oct(fork_socket.parent.stat().st_mode & 0o777) == "0o700"  # only the hub's user may ask it
    assert len(str(fork_socket)) < 100  # a Unix socket's path has at most 107 bytes
    fork_socket.parent.rmdir()
    written = json.loads((folders.jupyter / "voila" / "jupyter_server_config.json").read_text())
    assert written == participant_server_config("voila")
    index = json.loads((folders.jupyter / "voila" / "workbooks.json").read_text())
    assert index == workbook_index()  # what participants' list pages read instead of loading the curriculum
    assert (folders.jupyter / "lab" / "migrated").is_file()  # jupyter_core then never writes in this folder
    page_config = json.loads((folders.jupyter / "lab" / "labconfig" / "page_config.json").read_text())
    assert page_config["disabledExtensions"] == {"@jupyterlab/apputils-extension:announcements": True}


def test_lab_with_separate_users_and_no_culling(workspace, released, monkeypatch) -> None:
    monkeypatch.delenv(SERVE_TOKEN_ENV, raising=False)
    c = Config()
    configure_hub(c, str(workspace.root), ServeSettings(released, ui="lab", separate_users=True, cull_idle_minutes=0))
    assert c.Spawner.default_url == "/lab" and c.CohortSpawner.separate_users is True
    assert "services" not in c.JupyterHub  # no culler, no token, nothing forked: no service at all
    assert "fork_socket" not in c.CohortSpawner  # participants run code as their own users: nothing is forked
    assert c.CohortSpawner.participant_config_dir == str(serve_folders(workspace, released).jupyter / "lab")


def test_ikm_serves_token_becomes_a_service_that_may_start_servers(workspace, released, monkeypatch) -> None:
    monkeypatch.setenv(SERVE_TOKEN_ENV, "t" * 64)
    c = Config()
    configure_hub(c, str(workspace.root), ServeSettings(released))
    assert c.JupyterHub.services[0] == {"name": "ikm-serve", "api_token": "t" * 64}
    Path(c.CohortSpawner.fork_socket).parent.rmdir()
    assert c.JupyterHub.load_roles[0] == {"name": "ikm-serve", "scopes": SERVE_SCOPES, "services": ["ikm-serve"]}
    written = write_hub_config(workspace, ServeSettings(released)).config_file.read_text()
    assert "t" * 64 not in written  # the token lives in the hub's environment only, never on disk


def test_an_unknown_cohort_is_a_clear_error_before_the_hub_starts(workspace) -> None:
    with pytest.raises(WorkspaceError, match="no cohort 'tidak-ada'"):
        configure_hub(Config(), str(workspace.root), ServeSettings("tidak-ada"))


def test_voila_servers_refuse_code_and_terminals_lab_servers_only_terminals() -> None:
    voila = participant_server_config("voila")
    assert voila["MappingKernelManager"]["allowed_message_types"] == list(WIDGET_MESSAGES)
    assert "execute_request" not in WIDGET_MESSAGES
    assert voila["ServerApp"]["authorizer_class"].endswith("VoilaOnlyAuthorizer")
    assert voila["ServerApp"]["jpserver_extensions"]["jupyterlab"] is False
    assert voila["ServerApp"]["terminals_enabled"] is False
    lab = participant_server_config("lab")
    assert "allowed_message_types" not in lab["MappingKernelManager"]
    assert lab["ServerApp"]["terminals_enabled"] is False and "authorizer_class" not in lab["ServerApp"]
    for config in (voila, lab):
        assert config["ServerApp"]["tornado_settings"]["mathjax_url"] == ""  # never a CDN
        assert config["VoilaConfiguration"]["template"] == "ikm"
        assert config["KernelManager"]["transport"] == "ipc"  # no TCP port races between 20 servers


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (dict(ui="notebook"), "ui: expected one of voila, lab"),
        (dict(ui="lab"), "add --create-users"),
        (dict(port=0), "port: expected a TCP port"),
        (dict(hub_port=70000), "hub_port: expected a TCP port"),
        (dict(cull_idle_minutes=-5), "cull_idle_minutes: expected 0"),
    ],
)
def test_bad_settings_say_what_was_expected(settings: dict, message: str) -> None:
    with pytest.raises(WorkspaceError, match=message):
        ServeSettings("uji", **settings)
