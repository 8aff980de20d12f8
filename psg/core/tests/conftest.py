from .page_cache_fixtures import committed, page_cache, varnish  # noqa: F401 (fixtures)
from .processes import scratch_postgres  # noqa: F401 (a fixture)
