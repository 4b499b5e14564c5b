"""Effective dates and durations, resolved against the publication date.

The patterns run over the lower-cased text (same offsets as the entry text): a
case-insensitive regex is several times slower in Python's engine."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from bot.extract import compiled
from bot.extract.gate import gated

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier januar enero",
        "february feb février fevrier februar febrero",
        "march mar mars märz marz marzo",
        "april apr avril abril",
        "may mai mayo",
        "june jun juin juni junio",
        "july jul juillet juli julio",
        "august aug août aout agosto",
        "september sep sept septembre septiembre setiembre",
        "october oct octobre oktober octubre",
        "november nov novembre noviembre",
        "december dec décembre decembre dezember diciembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "monday lundi montag lunes",
        "tuesday mardi dienstag martes",
        "wednesday mercredi mittwoch miércoles miercoles",
        "thursday jeudi donnerstag jueves",
        "friday vendredi freitag viernes",
        "saturday samedi samstag sábado sabado",
        "sunday dimanche sonntag domingo",
    )
):
    for _name in _names.split():
        _WEEKDAYS[_name] = _number

_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"
_MARK = (
    r"(?:on|by|from|starting(?:\s+on|\s+from)?|effective(?:\s+on|\s+from)?|as\s+of|beginning"
    r"(?:\s+on)?|begins|takes\s+effect(?:\s+on)?|no\s+later\s+than|le|dès\s+le|à\s+partir\s+du"
    r"|d'ici\s+(?:le|à)|au|ab(?:\s+dem)?|zum|am|el|desde\s+el|a\s+partir\s+del)"
)
_DATE = compiled.compile(
    rf"(?<![\w]){_MARK}\s+(?:"
    rf"(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?P<m1>{_MONTH})(?:,?\s+(?:de\s+)?(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<mid>mid|early|end\s+of|late)[-\s]+(?P<m3>{_MONTH})(?:\s+(?P<y3>\d{{4}}))?"
    rf"|(?P<m4>{_MONTH})\s+(?P<y4>\d{{4}})"
    rf"|(?:this\s+|next\s+)?(?P<wd>{_WEEKDAY})"
    r")(?![\w])",
)
_NOW = compiled.compile(
    r"(?<![\w])(?:effective\s+immediately|with\s+immediate\s+effect|immediately|effective\s+today"
    r"|as\s+of\s+today|starting\s+today|from\s+today|avec\s+effet\s+imm[ée]diat|imm[ée]diatement"
    r"|ab\s+sofort|mit\s+sofortiger\s+wirkung|de\s+inmediato|inmediatamente|a\s+partir\s+de\s+hoy)(?![\w])",
)

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "cinq": 5, "ein": 1, "eine": 1, "einem": 1,
    "zwei": 2, "drei": 3, "fünf": 5, "una": 1, "dos": 2, "tres": 3, "cinco": 5,
}  # fmt: skip
_UNITS = {
    "year": "year", "years": "year", "an": "year", "ans": "year", "année": "year",
    "années": "year", "jahr": "year", "jahre": "year", "jahren": "year", "año": "year",
    "años": "year", "month": "month", "months": "month", "mois": "month", "monat": "month",
    "monate": "month", "monaten": "month", "mes": "month", "meses": "month", "week": "week",
    "weeks": "week", "semaine": "week", "semaines": "week", "woche": "week", "wochen": "week",
    "semana": "week", "semanas": "week",
}  # fmt: skip
_NUM = "(?:" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r"|\d{1,2})"
_UNIT = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
_DURATION = compiled.compile(
    rf"(?<![\w])(?:"
    rf"(?:for|pendant|pour|durante|por|für)\s+(?:the\s+next\s+|at\s+least\s+)?(?P<n1>{_NUM})\s+(?P<u1>{_UNIT})"
    rf"|(?P<n2>{_NUM})[-\s](?P<u2>year|month|week)s?[-\s](?:long\s+)?(?:moratorium|ban|pause|halt|suspension)"
    rf"|(?P<n3>{_NUM})-(?P<u3>year|month|week)"
    rf"|(?P<ind>indefinite\w*|until\s+further\s+notice|open-ended|ind[ée]finiment|jusqu.à\s+nouvel\s+ordre"
    rf"|bis\s+auf\s+weiteres|unbefristet\w*|indefinidamente|hasta\s+nuevo\s+aviso)"
    rf"|(?P<now>at\s+this\s+time|for\s+now|for\s+the\s+time\s+being|pour\s+l.instant|vorerst|por\s+ahora)"
    rf"|(?P<perm>permanent\w*|definitively|d[ée]finitivement|dauerhaft|permanentemente)"
    rf"|(?P<until>(?:until|unless\s+and\s+until|tant\s+que|jusqu.à\s+ce\s+que|solange|hasta\s+que)\s+[^.;,]{{3,80}})"
    r")(?![\w])",
)
_FUTURE_MARKS = frozenset(
    [
        "by",
        "from",
        "starting",
        "effective",
        "beginning",
        "begins",
        "takes",
        "as",
        "no",
        "dès",
        "à",
        "d'ici",
        "ab",
        "zum",
        "desde",
        "a",
    ]
)
_NOT_CONDITION = compiled.compile(r"^(?:until\s+)?(?:" + _MONTH + r"|\d)", re.IGNORECASE)


def _year_for(month: int, day: int, published: date, future: bool) -> date | None:
    """The year that puts month/day nearest the publication date; "starting", "by",
    "from" ... point forward, so a date more than a week back moves a year on."""
    earliest = -7 if future else -120
    for year in (published.year, published.year + 1, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if earliest <= (candidate - published).days <= 358:
            return candidate
    return None


def _date_from(match: re.Match[str], published: date) -> date | None:
    g = match.groupdict()
    future = match.group(0).split()[0].lower() in _FUTURE_MARKS
    try:
        if g["iso"]:
            return date.fromisoformat(g["iso"])
        if g["wd"]:
            target = _WEEKDAYS[g["wd"].lower()]
            for delta in (0, 1, -1, 2, -2, 3, 4):
                day = published + timedelta(days=delta)
                if day.weekday() == target:
                    return day
        month_text = g["m1"] or g["m2"] or g["m3"] or g["m4"]
        if not month_text:
            return None
        month = _MONTHS[month_text.lower().rstrip(".")]
        year_text = g["y1"] or g["y2"] or g["y3"] or g["y4"]
        if g["mid"]:
            day_number = {"mid": 15, "early": 5, "late": 25}.get(g["mid"].lower(), 28)
        else:
            day_number = int(g["d1"] or g["d2"] or 1)
        if year_text:
            return date(int(year_text), month, day_number)
        return _year_for(month, day_number, published, future)
    except (ValueError, KeyError):
        return None


def effective_date(
    low: str, windows: Sequence[tuple[int, int]], published: date | None
) -> date | None:
    """The first date stated in ``windows`` (clauses that carry the change), else published.
    ``low``: the entry text lower-cased."""
    if published is None:
        return None
    for start, end in windows:
        if gated(_NOW).search(low, start, end):
            return published
        for match in gated(_DATE).finditer(low, start, end):
            found = _date_from(match, published)
            if found is not None and -400 <= (found - published).days <= 800:
                return found
    return published


def duration(text: str, low: str, windows: Sequence[tuple[int, int]]) -> str | None:
    """A duration stated in ``windows`` (first match wins), as short free text.
    ``low`` is ``text`` lower-cased (same offsets)."""
    for start, end in windows:
        for match in _DURATION.finditer(low, start, end):
            found = _duration_text(match, text)
            if found:
                return found
    return None


def _duration_text(match: re.Match[str], text: str) -> str | None:
    g = match.groupdict()
    number, unit = g["n1"] or g["n2"] or g["n3"], g["u1"] or g["u2"] or g["u3"]
    if number and unit:
        count = int(number) if number.isdigit() else _NUMBERS.get(number.lower(), 1)
        name = _UNITS[unit.lower()]
        return f"{count} {name}" + ("s" if count != 1 else "")
    if g["ind"]:
        return "indefinite"
    if g["now"]:
        return "indefinite (at this time)"
    if g["perm"]:
        return "permanent"
    if g["until"]:
        condition = " ".join(text[match.start("until") : match.end("until")].split())
        if _NOT_CONDITION.match(condition.split(" ", 1)[-1]):
            return None
        return condition
    return None
