"""/api/v1/docs/: the API's description as a page a person reads.

Made on the server from the same OpenAPI description that /api/v1/schema/
serves, so the two never disagree: every operation with its parameters and
answers, then every object with its fields. Plain HTML in the site's own
layout: no script, nothing from other hosts, readable without JavaScript.
"""

from dataclasses import dataclass, field

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .schema import description

METHOD_ORDER = ["get", "head", "options"]


@dataclass
class TypeLabel:
    """How a value's type reads: text, and the object it links to, if any."""

    text: str
    link: str = ""


@dataclass
class Field:
    name: str
    type: TypeLabel
    description: str
    nullable: bool = False


@dataclass
class Answer:
    status: str
    description: str
    type: TypeLabel | None


@dataclass
class Operation:
    method: str
    path: str
    anchor: str
    summary: str
    description: str
    parameters: list = field(default_factory=list)
    answers: list = field(default_factory=list)


@dataclass
class ObjectType:
    name: str
    anchor: str
    description: str
    fields: list


def component_name(reference):
    return reference.rsplit("/", 1)[-1]


def object_anchor(name):
    return f"object-{name}"


class Reader:
    """Reads an OpenAPI 3.0 description into operations and objects."""

    def __init__(self, schema):
        self.schema = schema
        self.components = schema.get("components", {}).get("schemas", {})
        self.used = []

    def resolve(self, schema):
        """The component a schema refers to (through ``allOf``), else itself."""
        if "$ref" in schema:
            return self.components[component_name(schema["$ref"])]
        if len(schema.get("allOf", [])) == 1:
            return self.resolve(schema["allOf"][0])
        return schema

    def type_label(self, schema):
        reference = schema.get("$ref") or (
            schema["allOf"][0].get("$ref") if len(schema.get("allOf", [])) == 1 else ""
        )
        if reference:
            name = component_name(reference)
            target = self.components[name]
            if "enum" in target:
                return self.type_label(target)
            if name not in self.used:
                self.used.append(name)
            return TypeLabel(name, "#" + object_anchor(name))
        if "enum" in schema:
            values = ", ".join(str(value) for value in schema["enum"])
            return TypeLabel(_("one of: %(values)s") % {"values": values})
        kind = schema.get("type", "")
        if kind == "array":
            item = self.type_label(schema.get("items", {}))
            return TypeLabel(_("list of %(item)s") % {"item": item.text}, item.link)
        if kind == "object" and "additionalProperties" in schema:
            value = self.type_label(schema["additionalProperties"])
            return TypeLabel(
                _("object: name → %(value)s") % {"value": value.text}, value.link
            )
        text = kind or _("any")
        if schema.get("format"):
            text = f"{text} ({schema['format']})"
        limits = []
        if "minimum" in schema:
            limits.append(f"≥ {schema['minimum']}")
        if "maximum" in schema:
            limits.append(f"≤ {schema['maximum']}")
        if limits:
            text = f"{text}, {' '.join(limits)}"
        return TypeLabel(text)

    def operations(self):
        result = []
        for path, methods in sorted(self.schema.get("paths", {}).items()):
            for method in sorted(methods, key=METHOD_ORDER.index):
                operation = methods[method]
                result.append(self.operation(method, path, operation))
        return result

    def operation(self, method, path, operation):
        parameters = [
            Field(
                name=parameter["name"],
                type=self.type_label(parameter.get("schema", {})),
                description=parameter.get("description", ""),
            )
            for parameter in operation.get("parameters", [])
        ]
        answers = []
        for status, answer in sorted(operation.get("responses", {}).items()):
            content = answer.get("content", {}).get("application/json")
            answers.append(
                Answer(
                    status=status,
                    description=answer.get("description", ""),
                    type=self.type_label(content["schema"]) if content else None,
                )
            )
        return Operation(
            method=method.upper(),
            path=path,
            anchor=operation.get("operationId", f"{method}-{path}"),
            summary=operation.get("summary", ""),
            description=operation.get("description", ""),
            parameters=parameters,
            answers=answers,
        )

    def objects(self):
        """Every object the operations name, and those they name, in order."""
        result = []
        index = 0
        while index < len(self.used):
            name = self.used[index]
            component = self.components[name]
            fields = [
                Field(
                    name=field_name,
                    type=self.type_label(schema),
                    description=schema.get("description", "")
                    or self.resolve(schema).get("description", ""),
                    nullable=bool(schema.get("nullable")),
                )
                for field_name, schema in component.get("properties", {}).items()
            ]
            result.append(
                ObjectType(
                    name=name,
                    anchor=object_anchor(name),
                    description=component.get("description", ""),
                    fields=fields,
                )
            )
            index += 1
        return result


@require_safe
def api_reference(request):
    schema = description()
    reader = Reader(schema)
    operations = reader.operations()
    return TemplateResponse(
        request,
        "api/reference.html",
        {
            "info": schema["info"],
            "operations": operations,
            "objects": reader.objects(),
        },
    )
