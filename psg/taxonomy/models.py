"""The taxonomy's models: the terms (regions, topics, series) and their pages."""

from .pages import RegionIndexPage, TermIndexPage, TopicIndexPage
from .terms import Region, Series, TermBase, Topic, regions_field, topics_field

__all__ = [
    "Region",
    "RegionIndexPage",
    "Series",
    "TermBase",
    "TermIndexPage",
    "Topic",
    "TopicIndexPage",
    "regions_field",
    "topics_field",
]
