"""The bulletin: series, numbered editions, subscribers and deliveries."""

from .deliveries import *  # noqa: F403
from .editions import *  # noqa: F403
from .subscribers import *  # noqa: F403
