"""The ``/frpolicy`` app-command group, generated from ``bot.commands.spec``.

One ``app_commands.Command`` per ``CommandSpec``: each option becomes a typed
parameter (a range for bounded numbers, choices, vendor autocomplete), and every
callback builds the spec's ``Request`` and hands it to the runtime. A new command in
``COMMAND_SET`` appears here without a line of Discord code.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Optional

import discord
from discord import app_commands

from bot.commands.spec import COMMAND_SET, CommandSpec, Option, Request

GROUP = "frpolicy"
GROUP_DESCRIPTION = "Facial-recognition vendor policy alerts"
MANAGE_NOTE = " (Manage Channels)"  # the permission a manage command needs on Discord

Respond = Callable[[discord.Interaction, Request], Awaitable[None]]
Complete = Callable[[discord.Interaction, str], Coroutine[Any, Any, list[app_commands.Choice[str]]]]


def frpolicy_group(respond: Respond, vendor_names: Complete) -> app_commands.Group:
    group = app_commands.Group(name=GROUP, description=GROUP_DESCRIPTION)
    for spec in COMMAND_SET:
        group.add_command(command(spec, respond, vendor_names))
    return group


def command(spec: CommandSpec, respond: Respond, vendor_names: Complete) -> app_commands.Command:
    async def callback(interaction: discord.Interaction, **values: Any) -> None:
        await respond(interaction, spec.build(values))

    first = inspect.Parameter(
        "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction
    )
    callback.__signature__ = inspect.Signature([first, *map(_parameter, spec.options)])  # type: ignore[attr-defined]
    if spec.options:
        app_commands.describe(**{o.name: o.description for o in spec.options})(callback)
    choices = {
        o.name: [app_commands.Choice(name=c, value=c) for c in o.choices]
        for o in spec.options
        if o.choices
    }
    if choices:
        app_commands.choices(**choices)(callback)
    completions = {o.name: vendor_names for o in spec.options if o.vendor_names}
    if completions:
        app_commands.autocomplete(**completions)(callback)
    description = spec.description + (MANAGE_NOTE if spec.manage else "")
    return app_commands.Command(name=spec.name, description=description, callback=callback)


def _parameter(option: Option) -> inspect.Parameter:
    kind: Any = option.kind
    if option.low is not None or option.high is not None:
        kind = app_commands.Range[option.kind, option.low, option.high]  # type: ignore[index]
    return inspect.Parameter(
        option.name,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        annotation=kind if option.required else Optional[kind],  # noqa: UP045 (a runtime value)
        default=inspect.Parameter.empty if option.required else None,
    )
