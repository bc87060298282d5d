"""Training module: Pengelolaan aset dan administrasi (asset management and administration)."""
