from .processes import scratch_postgres  # noqa: F401 (a fixture)
