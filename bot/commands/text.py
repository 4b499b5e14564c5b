"""The text surface of the commands: ``latest 5``, ``vendor amazon``,
``subscribe vendor:amazon action:ban`` (Slack's ``/frpolicy`` text) → a ``Request``."""

from __future__ import annotations

import shlex

from bot.commands.spec import COMMAND_SET, COMMANDS, CommandSpec, Request, UsageError
from bot.models import Filters

_FILTER_KEYS = {
    "vendor": "vendors", "vendors": "vendors",
    "action": "actions", "actions": "actions",
    "actor": "actor_types", "actors": "actor_types", "actor_type": "actor_types",
    "actor-type": "actor_types", "actor_types": "actor_types", "actor-types": "actor_types",
    "min": "min_confidence", "min_confidence": "min_confidence",
    "min-confidence": "min_confidence", "confidence": "min_confidence",
}  # fmt: skip
_FILTER_USAGE = (
    "Write filters as vendor:Amazon action:ban actor:government min:0.7 "
    "(each may repeat; --vendor Amazon also works)."
)


SPECS = {spec.name: spec for spec in COMMAND_SET}


def parse_text(text: str) -> Request:
    """Parse Slack-style text: ``latest 5``, ``vendor amazon``, ``subscribe vendor:amazon action:ban``."""
    try:
        tokens = shlex.split(text or "")
    except ValueError:  # an unbalanced quote: read the words as they are
        tokens = (text or "").split()
    if not tokens:
        return Request("help")
    command, args = tokens[0].lower(), tokens[1:]
    if command in ("-h", "--help", "?"):
        command = "help"
    if command not in COMMANDS:
        raise UsageError(f"Unknown command “{tokens[0][:50]}”. Try one of: {', '.join(COMMANDS)}.")
    return _typed(SPECS[command], args)


def _typed(spec: CommandSpec, args: list[str]) -> Request:
    """The typed form of a declared command: no arguments, its filters, or its one
    option (a number, or the rest of the line as words)."""
    if spec.typed_filters:
        kinds = next((o.choices for o in spec.options if o.name == "kind"), ())
        if args and args[0].lower() in kinds:  # `subscribe ops`
            if len(args) > 1:
                raise UsageError(f"`{spec.name} {args[0].lower()}` takes no filters.")
            return spec.build({"kind": args[0].lower()})
        return Request(spec.name, filters=parse_filters(args))
    if not spec.options:
        if args:
            raise UsageError(f"`{spec.name}` takes no arguments.")
        return spec.build({})
    option = spec.options[0]  # the typed form has one option; more need their own form
    if option.kind is int:
        if not args:
            return spec.build({})
        if len(args) > 1 or not args[0].isdigit():
            placeholder = spec.usage.split()[-1].strip("[]")
            bounds = f" ({placeholder} from {option.low:g} to {option.high:g})" if (
                option.low is not None and option.high is not None) else ""  # fmt: skip
            raise UsageError(f"Usage: {spec.usage}, e.g. `{spec.example}`{bounds}.")
        return spec.build({option.name: int(args[0])})
    words = " ".join(args).strip()
    if not words and option.required:
        raise UsageError(f"Usage: {spec.usage}, e.g. `{spec.example}`.")
    return spec.build({option.name: words} if words else {})


def parse_filters(args: list[str]) -> Filters:
    """``vendor:X action:Y actor:T min:0.7`` (or ``--vendor X``) → raw Filters.

    Values are checked by ``execute``; here only the shape is. A bare word after a
    vendor continues its name (``vendor:Clearview AI``).
    """
    found: dict[str, list[str]] = {"vendors": [], "actions": [], "actor_types": []}
    minimum: float | None = None
    index = 0
    last_key: str | None = None
    while index < len(args):
        token = args[index]
        if token.startswith("--"):
            name, eq, value = token[2:].partition("=")
            if not eq:
                index += 1
                if index >= len(args):
                    raise UsageError(f"--{name} needs a value. {_FILTER_USAGE}")
                value = args[index]
        elif ":" in token or "=" in token:
            sep = ":" if ":" in token else "="
            name, _, value = token.partition(sep)
        elif last_key == "vendors" and found["vendors"]:
            found["vendors"][-1] += f" {token}"
            index += 1
            continue
        else:
            raise UsageError(f"Cannot read “{token[:50]}”. {_FILTER_USAGE}")
        key = _FILTER_KEYS.get(name.lower())
        if key is None:
            raise UsageError(f"Unknown filter “{name[:30]}”. {_FILTER_USAGE}")
        values = [v.strip() for v in value.split(",") if v.strip()]
        if not values:
            raise UsageError(f"The {name} filter needs a value. {_FILTER_USAGE}")
        if key == "min_confidence":
            try:
                minimum = float(values[0])
            except ValueError:
                raise UsageError(
                    f"min must be a number from 0 to 1, e.g. min:0.7 (got “{values[0][:20]}”)."
                ) from None
        else:
            found[key].extend(values)
        last_key = key
        index += 1
    return Filters(
        vendors=tuple(found["vendors"]),
        actions=tuple(found["actions"]),
        actor_types=tuple(found["actor_types"]) or ("vendor",),
        min_confidence=minimum if minimum is not None else 0.0,
    )
