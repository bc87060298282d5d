"""Training module: Simulasi teknis (technical simulation of running a centre)."""
