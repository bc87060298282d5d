"""Training module: Tata tertib sentra (the centre's house rules)."""
