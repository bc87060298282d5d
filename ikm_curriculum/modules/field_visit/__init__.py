"""Training module: Kunjungan lapangan (field visit to a sentra IKM)."""
