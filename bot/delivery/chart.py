"""A vendor's policy timeline as a PNG chart: events on a time axis, coloured by
action, the current status in the title (matplotlib, Agg backend; the only module
importing it). matplotlib is the optional extra ``policybot[charts]``.

Text from feeds never reaches matplotlib's math parser (``parse_math=False``), so a
``$`` in a vendor name is shown as written.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

from bot.events.status import Timeline
from bot.models import Event

WIDTH, HEIGHT, DPI = 10.0, 5.0, 100  # inches and dots per inch: a 1000 x 500 PNG
ACTION_COLOURS = {
    "moratorium": "#e69f00", "extension": "#d55e00", "ban": "#cc3311", "exit": "#7f3c8d",
    "restriction": "#0072b2", "reversal": "#009e73", "shutdown": "#555555",
    "settlement": "#56b4e9",
}  # fmt: skip
OTHER_COLOUR = "#999999"
INSTALL_HINT = "charts need matplotlib: pip install 'policybot[charts]'"


class ChartsUnavailable(RuntimeError):
    """matplotlib is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Chart:
    filename: str
    png: bytes
    title: str


def timeline_png(timeline: Timeline) -> Chart:
    """Render ``timeline`` (oldest event first) as a PNG."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
    except ImportError as exc:
        raise ChartsUnavailable(INSTALL_HINT) from exc
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    events = list(timeline.events)
    levels = [((-1) ** i) * (1 + (i // 2) % 3) for i in range(len(events))]  # staggered labels
    dates = [float(date2num(e.first_reported)) for e in events]
    axes.axhline(0, color="#333333", linewidth=1)
    for event, level, when in zip(events, levels, dates, strict=True):
        colour = ACTION_COLOURS.get(event.action or "", OTHER_COLOUR)
        axes.vlines(when, 0, level, color=colour, linewidth=1)
        marker = "o" if event.actor_type == "vendor" else "D"
        axes.plot(when, 0, marker=marker, color=colour, markersize=9, zorder=3)
        axes.annotate(_label(event), xy=(when, level), xytext=(0, 4 if level > 0 else -4),
                      textcoords="offset points", ha="center", va="bottom" if level > 0 else "top",
                      fontsize=8, parse_math=False)  # fmt: skip
    if dates:
        pad = max((max(dates) - min(dates)) / 8, 90.0)  # days
        axes.set_xlim(min(dates) - pad, max(dates) + pad)
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_ylim(-4.5, 4.5)
    axes.yaxis.set_visible(False)
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)
    used = list(dict.fromkeys(e.action for e in events if e.action in ACTION_COLOURS))
    handles = [Line2D([], [], marker="o", linestyle="", color=ACTION_COLOURS[a], label=a)
               for a in used]  # fmt: skip
    if any(e.actor_type != "vendor" for e in events):
        handles.append(Line2D([], [], marker="D", linestyle="", color=OTHER_COLOUR,
                              label="authority action"))  # fmt: skip
    if handles:
        axes.legend(handles=handles, loc="upper left", fontsize=8, frameon=False,
                    ncol=min(len(handles), 5))  # fmt: skip
    title = chart_title(timeline)
    figure.suptitle(title, fontsize=11, parse_math=False)
    figure.text(0.99, 0.01, f"{len(events)} event(s) · policybot", ha="right", fontsize=7,
                color="#666666", parse_math=False)  # fmt: skip
    figure.tight_layout(rect=(0, 0.02, 1, 0.95))
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    name = "".join(c if c.isalnum() else "-" for c in timeline.vendor.lower()).strip("-")
    return Chart(filename=f"{name or 'vendor'}-timeline.png", png=out.getvalue(), title=title)


def chart_title(timeline: Timeline) -> str:
    status = "; ".join(line.text for line in timeline.status) or "no policy change recorded"
    return "\n".join(textwrap.wrap(f"{timeline.vendor} — now: {status}", 110)[:2])


def _label(event: Event) -> str:
    what = event.action or event.actor_type
    scope = f" ({event.applies_to.replace('_', ' ')})" if event.applies_to else ""
    return f"{event.first_reported:%Y-%m-%d}\n{what}{scope}"
