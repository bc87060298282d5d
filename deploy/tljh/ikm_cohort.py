# ikm-curriculum on The Littlest JupyterHub: serve one cohort of a workspace to participants' browsers.
#
# Copy this file to /opt/tljh/config/jupyterhub_config.d/ikm_cohort.py, set the three values below, then run
#   sudo tljh-config reload
# TLJH loads every *.py in that folder after its own configuration, so this replaces TLJH's login and spawner with
# ikm's: the PIN login of `ikm cards`, and each participant's server in their own release folder, running as the
# operating-system user named by their participant code. See docs/deploy.md ("A shared server").
import os

from ikm_curriculum.serve.shared_server import configure_tljh

WORKSPACE = os.environ.get("IKM_WORKSPACE", "/srv/ikm")  # the folder `ikm init` made
COHORT = os.environ.get("IKM_COHORT", "kendari-2026-11")  # the cohort to serve (`ikm cohort list`)
UI = os.environ.get("IKM_UI", "voila")  # "voila": workbooks as apps; "lab": JupyterLab

configure_tljh(c, WORKSPACE, COHORT, ui=UI)  # noqa: F821 (c is JupyterHub's config object)
