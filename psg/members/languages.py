"""The language a person is written to in: English or Spanish.

Members and bulletin subscribers each keep one (``language_field()``); every
email to them is rendered inside ``in_language(person)``, so its subject,
text and links are in their language whether it is sent during a request in
the other language or by the task worker, where no language is active.
"""

from django import forms
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from psg.core.locales import active_language


class Language(models.TextChoices):
    ENGLISH = "en-gb", _("English")
    SPANISH = "es", _("Spanish")


def language_field():
    """The ``language`` field of a member or a subscriber."""
    return models.CharField(
        _("language"),
        max_length=10,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("The language of the emails they receive."),
    )


def chosen_language(value):
    """``value`` if it is one of the languages, else English."""
    return value if value in Language.values else Language.ENGLISH


def page_language():
    """The language a form offers first: that of the page it is on."""
    return chosen_language(active_language())


def in_language(person):
    """Render inside this to write to ``person`` (a member, a subscriber, or a
    language code) in their language."""
    code = person if isinstance(person, str) else getattr(person, "language", "")
    return translation.override(chosen_language(code))


class KeepsLanguageMixin:
    """For a model form with ``language``: a form sent without it (a page, or
    a test client, from before it was asked) keeps the record's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data["language"] or self.instance.language


def language_form_field(**kwargs):
    """The public forms' language question (join, subscribe, my details)."""
    return forms.TypedChoiceField(
        label=_("Language for our emails"),
        choices=Language.choices,
        coerce=chosen_language,
        required=False,
        **kwargs,
    )
