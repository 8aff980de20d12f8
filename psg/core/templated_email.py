"""Sending the site's emails: a plain-text and an HTML part from templates.

Each message is two templates, ``email/<name>.txt`` and ``email/<name>.html``;
the HTML extends ``email/base.html`` and its CSS is inlined (css-inline) so it
reads well in mail clients that ignore <style>. The subject is the first line
of ``email/<name>_subject.txt``.
"""

import css_inline

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.translation import gettext as _

_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def _render_text(template_name, context):
    # Plain text is not HTML: no escaping, or "O'Brien" becomes "O&#x27;Brien".
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def render_email(name, context):
    """Return (subject, text, html) for the templates named ``name``."""
    subject = " ".join(_render_text(f"email/{name}_subject.txt", context).split())
    text = _render_text(f"email/{name}.txt", context)
    html = _inliner.inline(render_to_string(f"email/{name}.html", context))
    return subject, text, html


def build_email(name, context, to, reply_to=None, headers=None, connection=None):
    """An EmailMultiAlternatives with text and HTML parts, ready to send."""
    context = {
        "organisation_name": _("Peru Support Group"),
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        **context,
    }
    subject, text, html = render_email(name, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to] if isinstance(to, str) else list(to),
        reply_to=[reply_to] if reply_to else None,
        headers=headers or {},
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def send_email(name, context, to, **kwargs):
    """Render and send one email now; returns the number sent (0 or 1)."""
    return build_email(name, context, to, **kwargs).send()
