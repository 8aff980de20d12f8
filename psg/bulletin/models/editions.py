"""Bulletin series and their numbered editions."""

__all__ = []
