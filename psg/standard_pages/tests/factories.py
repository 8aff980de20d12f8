import factory
import wagtail_factories

from psg.standard_pages.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    introduction = "An introduction."

    class Meta:
        model = StandardPage
