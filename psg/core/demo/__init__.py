"""Demo content for a new site: pages, pictures, PDFs, menus and sidebar.

The content modules (site, news, publications, events, images) hold the data;
loader.py puts it into the database. ``manage.py load_demo_content`` runs it.
"""

from .loader import load_demo_content

__all__ = ["load_demo_content"]
