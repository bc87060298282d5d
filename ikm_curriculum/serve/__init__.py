"""Participant delivery: a cohort's workbooks served by JupyterHub on the training room's network.

``ikm cards`` issues the PINs and prints the login cards; ``ikm serve`` writes the hub's configuration from the
workspace and runs JupyterHub with the PIN login (:mod:`.authenticator`), one server per participant in their own
release folder (:mod:`.spawner`), Voilà by default (:mod:`.participant_server` keeps participants from running code).
"""
