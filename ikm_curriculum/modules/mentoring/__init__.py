"""Training module: Pendampingan dan evaluasi berkala (mentoring and periodic evaluation)."""
