"""What a participant's own Jupyter server allows in Voilà mode: the workbooks as apps, no code of their own.

Loaded into each participant's server by the ``jupyter_server_config.json`` that
:func:`ikm_curriculum.serve.hub_config.participant_server_config` writes (``ikm serve`` points ``JUPYTER_CONFIG_DIR``
there). Voilà runs the workbook in the server's own kernel client; the browser only
exchanges widget messages with that kernel. So, besides Voilà's pages, a participant needs only to read their
files and to talk to a kernel through its websocket, and the server refuses the rest:

- the REST calls that start, restart or delete kernels or sessions, write files, or open terminals
  (:class:`VoilaOnlyAuthorizer`, jupyter_server's authorization hook, on top of JupyterHub's own check that
  the server is theirs);
- every kernel message from the browser other than :data:`WIDGET_MESSAGES`
  (jupyter_server's ``MappingKernelManager.allowed_message_types``, set in the same config file): an
  ``execute_request`` sent by hand over the websocket is dropped.
"""

from __future__ import annotations

from typing import Any

from jupyterhub.singleuser.extension import JupyterHubAuthorizer

WIDGET_MESSAGES = ("comm_open", "comm_msg", "comm_close", "comm_info_request", "kernel_info_request")
"""Kernel messages a Voilà page sends (ipywidgets' protocol, jupyter-widgets/ipywidgets ``docs/source/examples/
Widget Low Level.ipynb``; Jupyter messaging spec 5.3, "Custom Messages" and "Kernel info")."""

READ_ONLY = frozenset({"contents", "kernelspecs", "sessions", "files", "api", "config"})
"""Resources a participant may read (a Voilà page lists and reads its own folder); never write."""


class VoilaOnlyAuthorizer(JupyterHubAuthorizer):
    """JupyterHub's check (the server is the user's), then: kernels may be talked to, resources in
    :data:`READ_ONLY` read, and nothing else (no terminals, no new kernels, no writing files over REST)."""

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        if not super().is_authorized(handler, user, action, resource):
            return False
        if resource == "kernels":
            return action in ("read", "execute")  # websocket of a kernel Voilà started; not start/restart/delete
        if resource in READ_ONLY:
            return action == "read"
        self.log.info("refused %s on %s for participant %s", action, resource, getattr(user, "username", "?"))
        return False
