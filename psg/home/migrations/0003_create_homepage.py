import uuid

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    if HomePage.objects.exists():
        return
    root = Page.objects.get(depth=1)
    # Replace Wagtail's "Welcome" page with the PSG home page.
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, depth=2).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    last = Page.objects.filter(depth=2).order_by("-path").first()
    number = int(last.path[4:8]) + 1 if last else 1
    home = HomePage.objects.create(
        title="Peru Support Group",
        draft_title="Peru Support Group",
        slug="home",
        content_type=home_type,
        path=f"{root.path}{number:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=root.locale_id,
        translation_key=uuid.uuid4(),
        live=True,
        has_unpublished_changes=False,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        site_name="Peru Support Group",
        root_page_id=home.pk,
        is_default_site=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_homepage_featured_publication"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
