"""Subscribers to the bulletin, members or not."""

__all__ = []
