"""Page-number pagination: ``page`` and ``page_size`` (default 20, at most 100).

A malformed ``page`` or ``page_size`` is a 400 naming the parameter; a page
past the last is a 404 that says which page is the last.
"""

import re

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

from django.utils.translation import gettext as _

from .filters import query_parameter

DIGITS = re.compile(r"[0-9]+")
# Past this, a number is simply "too big" (Python refuses very long ones).
LONGEST = 18


class ListingPagination(PageNumberPagination):
    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"

    def _whole_number(self, request, name, default, maximum=None):
        raw = request.query_params.get(name, "").strip()
        if not raw:
            return default
        if not DIGITS.fullmatch(raw):
            number = 0
        elif len(raw) > LONGEST:
            number = 10**LONGEST
        else:
            number = int(raw)
        if number < 1 or (maximum is not None and number > maximum):
            if maximum is None:
                message = _("Give a whole number from 1.")
            else:
                message = _("Give a whole number from 1 to %(maximum)s.") % {
                    "maximum": maximum
                }
            raise ValidationError({name: [message]})
        return number

    def get_page_size(self, request):
        return self._whole_number(
            request, self.page_size_query_param, self.page_size, self.max_page_size
        )

    def paginate_queryset(self, queryset, request, view=None):
        page_size = self.get_page_size(request)
        number = self._whole_number(request, self.page_query_param, 1)
        paginator = self.django_paginator_class(queryset, page_size)
        if number > paginator.num_pages:
            raise NotFound(
                _("There is no page %(number)s: the last page is %(last)s.")
                % {"number": number, "last": paginator.num_pages}
            )
        self.page = paginator.page(number)
        self.request = request
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        return [
            query_parameter(
                self.page_query_param,
                _("The page of results, from 1."),
                {"type": "integer", "minimum": 1, "default": 1},
            ),
            query_parameter(
                self.page_size_query_param,
                _("Items a page, from 1 to %(maximum)s.")
                % {"maximum": self.max_page_size},
                {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                },
            ),
        ]
