"""Every public query-string parameter is read here: declared specs, one reader, one refusal.

An entry point declares what it accepts (``Text``, ``Choice``, ``Integer``, ``SlugList``) and
calls ``read(request, specs)``, which returns the cleaned values or raises
:class:`ParameterError`; :class:`ParameterErrorMiddleware` (or the API's exception handler)
turns that into a 400 with a message: JSON for views marked ``@answers_json``, a short HTML
page otherwise, never echoing the value back at length.

Refused, on every entry point: a query string over ``MAX_QUERY_STRING`` bytes; NUL bytes,
control characters (other than tab and line breaks in free text), private-use characters,
surrogates and U+FFFD (what invalid UTF-8 such as ``%FF`` decodes to); values over their
length; a single-valued parameter given twice; values outside a declared choice or range.
``strict=True`` also checks the parameters the spec list does not name (the API passes
every one on to Wagtail's filters and the database).

``lenient=True`` (the search page, its feeds and exports: shared links must keep working)
drops a bad value instead and lists it in ``Parameters.dropped``; free text there is cleaned
(unsafe characters become spaces) rather than refused.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.http import HttpResponseBadRequest, JsonResponse, QueryDict
from django.utils.html import escape
from django.utils.translation import gettext as _

MAX_QUERY_STRING = 8_000  # bytes; longer URLs are refused (most servers stop at 8 KB anyway)
MAX_UNDECLARED_LENGTH = 1_000  # characters, for parameters a strict reader does not name
# Control characters (tab, line feed and carriage return are checked by the specs), DEL and C1,
# surrogates, private-use areas, U+FFFD (invalid UTF-8) and the noncharacters U+FFFE/U+FFFF.
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd-\uffff\U000f0000-\U0010ffff]")
LINE_CONTROLS = re.compile("[\t\n\r]")
SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")


class ParameterError(ValueError):
    """A public parameter the site refuses: ``parameter`` names it, ``message`` says why."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def unsafe_character(text: str) -> str | None:
    """Why ``text`` cannot be used as it is (a character no parameter may carry), else None."""
    found = UNSAFE.search(text)
    if found is None:
        return None
    if found.group() == "\ufffd":
        return _("is not valid UTF-8 text.")
    return _("contains a forbidden character (U+%(code)04X).") % {"code": ord(found.group())}


def clean_text(raw: str, max_length: int) -> str:
    """Free text made safe rather than refused: unsafe and control characters become spaces,
    spaces are collapsed, the result is cut to ``max_length`` characters."""
    text = LINE_CONTROLS.sub(" ", UNSAFE.sub(" ", (raw or "")[: max_length * 5]))
    return " ".join(text.split())[:max_length]


@dataclass(frozen=True)
class Spec:
    """One parameter: ``many`` if it may be repeated (up to ``max_values``), each value at most
    ``max_length`` characters; ``default`` when absent (or dropped by a lenient reader)."""

    name: str
    many: bool = False
    max_values: int = 20
    max_length: int = 100
    default: object = None

    def convert(self, text: str):
        """The value of one safe, stripped, non-empty ``text``; raises ValueError(message)."""
        return text

    def schema(self) -> dict:
        """The parameter's OpenAPI 3 schema (what the API description says it accepts)."""
        return {"type": "string", "maxLength": self.max_length}

    def check(self, raw: str) -> None:
        if len(raw) > self.max_length:
            raise ParameterError(
                self.name, _("is too long (at most %(count)d characters).") % {"count": self.max_length}
            )
        reason = unsafe_character(raw) or (LINE_CONTROLS.search(raw) and _("contains a control character."))
        if reason:
            raise ParameterError(self.name, reason)

    def value(self, raw: str):
        self.check(raw)
        text = raw.strip()
        if not text:
            return None
        try:
            return self.convert(text)
        except ValueError as error:
            raise ParameterError(self.name, str(error)) from None


@dataclass(frozen=True)
class Text(Spec):
    """Free text. ``cleaned``: unsafe characters become spaces and overlong text is cut
    (what a reader typed in a search box), instead of a refusal."""

    max_length: int = 200
    cleaned: bool = False

    def check(self, raw: str) -> None:
        if self.cleaned:
            return
        if len(raw) > self.max_length:
            raise ParameterError(
                self.name, _("is too long (at most %(count)d characters).") % {"count": self.max_length}
            )
        if reason := unsafe_character(raw):
            raise ParameterError(self.name, reason)

    def value(self, raw: str):
        if self.cleaned:
            return clean_text(raw, self.max_length) or None
        self.check(raw)
        return raw.strip() or None


@dataclass(frozen=True)
class Choice(Spec):
    """One of ``choices`` (an iterable, or a function returning one when the request is read)."""

    choices: Iterable | Callable = ()
    normalize: Callable[[str], str] = str

    def allowed(self) -> list:
        return list(self.choices() if callable(self.choices) else self.choices)

    def schema(self) -> dict:
        return {"type": "string", "enum": self.allowed()}

    def convert(self, text: str):
        text = self.normalize(text)
        allowed = self.allowed()
        if text not in allowed:
            raise ValueError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": text[:40], "choices": ", ".join(map(str, allowed[:30]))}
            )
        return text


@dataclass(frozen=True)
class Integer(Spec):
    """A whole number written in ASCII digits between ``minimum`` and ``maximum``;
    ``clamp``: a number outside the range is brought back into it instead of refused."""

    minimum: int = 0
    maximum: int = 2**31 - 1  # PostgreSQL's integer
    clamp: bool = False
    max_length: int = 20

    def schema(self) -> dict:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def convert(self, text: str) -> int:
        digits = text[1:] if text.startswith("-") else text
        if not (digits.isascii() and digits.isdigit()):
            raise ValueError(_("must be a whole number."))
        number = int(text)
        if self.clamp:
            return max(self.minimum, min(number, self.maximum))
        if not self.minimum <= number <= self.maximum:
            raise ValueError(
                _("must be between %(minimum)d and %(maximum)d.") % {"minimum": self.minimum, "maximum": self.maximum}
            )
        return number


@dataclass(frozen=True)
class Slug(Spec):
    """A slug (lower-case letters, digits, ``-`` and ``_``)."""

    def convert(self, text: str) -> str:
        if not SLUG.match(text):
            raise ValueError(_("must be a slug (lower-case letters, digits, “-” and “_”)."))
        return text


@dataclass(frozen=True)
class SlugList(Spec):
    """Slugs separated by ``separator`` (``a,b,c``), at most ``max_items``; ``known(slugs)``
    returns those that exist (a database look-up, done only with well-formed slugs)."""

    separator: str = ","
    max_items: int = 20
    max_length: int = 1_000
    known: Callable | None = None

    def schema(self) -> dict:
        return {"type": "string", "maxLength": self.max_length, "pattern": r"^[-a-z0-9_]+(,[-a-z0-9_]+)*$"}

    def convert(self, text: str) -> tuple[str, ...]:
        slugs = tuple(dict.fromkeys(part.strip() for part in text.split(self.separator) if part.strip()))
        if not slugs:
            raise ValueError(_("is empty."))
        if len(slugs) > self.max_items:
            raise ValueError(_("has too many values (at most %(count)d).") % {"count": self.max_items})
        malformed = [slug for slug in slugs if not SLUG.match(slug)]
        if malformed:
            raise ValueError(_("must be slugs (lower-case letters, digits, “-” and “_”)."))
        if self.known is not None:
            found = set(self.known(slugs))
            unknown = [slug for slug in slugs if slug not in found]
            if unknown:
                raise ValueError(_("unknown value: %(values)s.") % {"values": ", ".join(unknown)})
        return slugs


@dataclass(frozen=True)
class Parameters:
    """What ``read`` found: ``values`` by parameter name, and what a lenient reader dropped."""

    values: dict
    dropped: tuple[ParameterError, ...] = field(default=())

    def __getitem__(self, name):
        return self.values[name]

    def get(self, name, default=None):
        value = self.values.get(name)
        return default if value is None else value

    def dropped_names(self) -> set[str]:
        return {error.parameter for error in self.dropped}


def check_query_string(request) -> None:
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        raise ParameterError("query", _("This address is too long. Please shorten it and try again."))


def read(source, specs: Iterable[Spec], *, lenient: bool = False, strict: bool = False) -> Parameters:
    """The cleaned values of ``specs`` in ``source`` (a request or a QueryDict).

    Raises ParameterError on the first bad value, unless ``lenient``. ``strict`` also refuses
    parameters the specs do not name when they are unsafe, overlong or repeated."""
    query = source
    if not isinstance(source, QueryDict):
        check_query_string(source)
        query = source.GET
    specs = list(specs)
    values, dropped = {}, []
    for spec in specs:
        try:
            values[spec.name] = read_one(spec, query.getlist(spec.name), lenient, dropped)
        except ParameterError as error:
            if not lenient:
                raise
            dropped.append(error)
            values[spec.name] = spec.default
    if strict:
        check_undeclared(query, {spec.name for spec in specs})
    return Parameters(values, tuple(dropped))


def read_one(spec: Spec, raw_values: list[str], lenient: bool, dropped: list):
    if not spec.many:
        if len(raw_values) > 1:
            error = ParameterError(spec.name, _("is given more than once."))
            if not lenient:
                raise error
            dropped.append(error)
        value = spec.value(raw_values[0]) if raw_values else None
        return spec.default if value is None else value
    values = []
    for raw in raw_values[: spec.max_values * 2]:
        try:
            value = spec.value(raw)
        except ParameterError as error:
            if not lenient:
                raise
            dropped.append(error)
            continue
        if value is not None and value not in values:
            values.append(value)
    if len(values) > spec.max_values:
        error = ParameterError(spec.name, _("has too many values (at most %(count)d).") % {"count": spec.max_values})
        if not lenient:
            raise error
        dropped.append(error)
    return tuple(values[: spec.max_values])


def check_undeclared(query: QueryDict, declared: set[str]) -> None:
    for name, raw_values in query.lists():
        if reason := unsafe_character(name):
            raise ParameterError(name[:40], reason)
        if name in declared:
            continue
        if len(raw_values) > 1:
            raise ParameterError(name, _("is given more than once."))
        Text(name, max_length=MAX_UNDECLARED_LENGTH).check(raw_values[0])


# Refusing


def answers_json(view):
    """Mark ``view``: its parameter errors are answered in JSON rather than HTML."""
    view.answers_json = True
    return view


def error_body(error: ParameterError) -> dict:
    """The JSON of a refusal (``message`` as in the API, ``error`` as in the open-data files)."""
    return {"message": str(error), "error": str(error), "parameter": error.parameter}


def refusal(request, error: ParameterError, *, as_json: bool = False):
    """The 400 answering ``error``: JSON, or a short HTML page in the reader's language."""
    if as_json:
        return JsonResponse(error_body(error), status=400)
    message = escape(error.message if error.parameter == "query" else str(error))
    heading = escape(_("This address cannot be read."))
    link = escape(_("Start again"))
    language = escape(getattr(request, "LANGUAGE_CODE", "") or "en")
    body = (
        f'<!DOCTYPE html><html lang="{language}"><meta charset="utf-8"><title>{heading}</title>'
        f'<h1>{heading}</h1><p>{message}</p><p><a href="{escape(request.path)}">{link}</a></p>'
    )
    return HttpResponseBadRequest(body)


class ParameterErrorMiddleware:
    """Turns a ParameterError raised by any view into its 400 (see ``refusal``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.answers_json = getattr(view_func, "answers_json", False)

    def process_exception(self, request, exception):
        if isinstance(exception, ParameterError):
            return refusal(request, exception, as_json=getattr(request, "answers_json", False))
        return None
