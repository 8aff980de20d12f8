"""Demo content for a new site: pages, pictures, PDFs, menus and sidebar.

The content modules (site, news, publications, events, images, terms) hold the
data; loader.py puts it into the database. ``manage.py load_demo_content`` runs
it; docs/demo-content.md describes what it makes.
"""
