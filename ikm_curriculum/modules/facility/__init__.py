"""Training module: Perencanaan fasilitas (facility planning)."""
