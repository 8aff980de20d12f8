"""Email addresses, one way everywhere: how they are normalised, checked and
stored, for every form and model that keeps one (members, join applications,
bulletin subscribers, sign-in, the desk, the CSV import).

The stored form: the local part as typed (NFC, invisible characters removed),
an ``@``, and the domain in its ASCII form, IDNA 2008 with the UTS 46 mapping
(lower case, Punycode): ``josé@bücher.de`` is kept as
``josé@xn--bcher-kva.de``. One person's address therefore has one spelling,
whatever they typed (``A@Ex\u200bample.COM`` is ``A@example.com``), and
sending never has to encode a domain again. A domain that cannot be encoded
(a private-use character, a label over 63 octets once encoded) is refused
with a message beside the field, and never stored: the model field checks
again on save. docs/security.md ("Email addresses") says why.
"""

import functools
import unicodedata

import idna

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# RFC 5321: a local part of at most 64 octets.
MAX_LOCAL_OCTETS = 64

INVALID_MESSAGE = _(
    "Enter an email address in the correct format, like name@example.com"
)
DOMAIN_MESSAGE = _(
    "This address's domain cannot be used for email. Check the part after the @."
)


def _visible(text):
    """``text`` without format characters (Unicode category Cf): zero-width
    spaces and joiners, word joiners, byte order marks, soft hyphens. They
    cannot be seen, so two addresses that differ only by them are one."""
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def encode_domain(domain):
    """The domain's ASCII form (IDNA 2008, UTS 46): lower case, Punycode.

    Raises ValueError (``idna.IDNAError`` is one) when it cannot be encoded.
    An address literal (``[192.0.2.1]``) is kept as it is.
    """
    if domain.startswith("[") and domain.endswith("]"):
        return domain
    if not domain:
        raise ValueError("empty domain")
    return _idna_encode(domain)


# Most addresses share a few domains, and UTS 46 in pure Python costs about a
# tenth of a millisecond: a CSV import of 10,000 rows encodes each many times.
@functools.lru_cache(maxsize=4096)
def _idna_encode(domain):
    return idna.encode(domain, uts46=True, transitional=False).decode("ascii")


def normalise_email(address):
    """The one spelling of ``address`` that is stored and compared.

    Trims it, composes it (NFC), removes invisible characters and encodes the
    domain (see the module docstring). Never raises: a domain that cannot be
    encoded is only lower-cased, and ``validate_email_address`` refuses it.
    Addresses are still compared case-insensitively (``email__iexact``), as
    the local part keeps the case it was typed in.
    """
    address = _visible(unicodedata.normalize("NFC", str(address or "").strip()))
    local, at, domain = address.rpartition("@")
    if not at:
        return address
    try:
        domain = encode_domain(domain)
    except ValueError:
        domain = domain.lower()
    return f"{local}@{domain}"


def email_key(address):
    """What identifies an address for matching and rate limits: normalised
    and lower-cased."""
    return normalise_email(address).lower()


def check_domain(address):
    """Raise ValidationError (code ``domain``) unless the domain of
    ``address`` can be encoded for sending."""
    try:
        encode_domain(normalise_email(address).rpartition("@")[2])
    except ValueError:
        raise ValidationError(DOMAIN_MESSAGE, code="domain") from None


class EmailAddressValidator(EmailValidator):
    """Django's check of an address, on its normalised form, plus:

    - letters beyond ASCII before the @ (``josé``, RFC 6531): non-ASCII
      letters, digits and marks stand in for an ASCII letter in Django's
      check, which allows only ASCII there;
    - a local part of at most 64 octets;
    - a domain that IDNA 2008 can encode (code ``domain``): Django's own check
      lets through domains that every mail library later fails to encode.
    """

    message = INVALID_MESSAGE

    def __call__(self, value):
        value = normalise_email(value)
        local, at, domain = value.rpartition("@")
        if not (at and domain) or len(local.encode()) > MAX_LOCAL_OCTETS:
            raise ValidationError(self.message, code=self.code, params={})
        check_domain(value)
        if not local.isascii():
            if not all(
                ord(char) < 128 or unicodedata.category(char)[0] in "LMN"
                for char in local
            ):
                raise ValidationError(self.message, code=self.code, params={})
            local = "".join(char if ord(char) < 128 else "a" for char in local)
        super().__call__(f"{local}@{domain}")


validate_email_address = EmailAddressValidator()


class EmailAddressFormField(forms.EmailField):
    """A form's email field: the cleaned value is the normalised address; on
    an error the page shows what was typed, as typed."""

    default_validators = [validate_email_address]

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_email(value) if value else value


class EmailAddressField(models.EmailField):
    """A model's email field: normalised on every save, and refused there if
    its domain cannot be encoded, whatever path the save came by. Forms (and
    ``full_clean``) run the whole check first, so people see a message; the
    save checks only the domain, so that a placeholder such as an erased
    member's ``erased-12@invalid`` can still be stored."""

    default_validators = [validate_email_address]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": EmailAddressFormField, **kwargs})

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = normalise_email(value)
            check_domain(value)
            setattr(model_instance, self.attname, value)
        return value
