"""Bar charts as inline SVG, drawn on the server (no script, no CDN).

Colours come from CSS classes (``console.css``), so the page's Content-Security-Policy
needs no inline styles. Each chart has a ``<title>`` and ``role="img"`` for readers.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

ROW = 26
#: Thickness of one bar when several series share a group.
BAR = 11
LABEL_WIDTH = 150
BAR_AREA = 420
#: (name shown in the legend, CSS class, values per label).
Series = tuple[str, str, Sequence[float]]


def bar_chart(title: str, labels: Sequence[str], series: Sequence[Series], maximum: float = 0,
              unit: str = "") -> Markup:
    """Horizontal grouped bars: one group per label, one bar per series, the value at its end."""
    top = max([maximum, *(v for _, _, values in series for v in values), 1])
    bar = BAR if len(series) > 1 else ROW - 8
    group = bar * len(series) + 10
    height = 30 + group * max(1, len(labels)) + 10
    width = LABEL_WIDTH + BAR_AREA + 60
    parts: list[str] = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    x = LABEL_WIDTH
    for name, css, _ in series:  # legend
        parts.append(f'<rect class="{css}" x="{x}" y="6" width="12" height="12"/>'
                     f'<text class="legend" x="{x + 16}" y="16">{escape(name)}</text>')
        x += 24 + 14 * len(name)
    for index, label in enumerate(labels):
        y0 = 30 + index * group
        parts.append(f'<text class="axis" x="{LABEL_WIDTH - 6}" y="{y0 + group / 2 + 2:.0f}" '
                     f'text-anchor="end">{escape(label[:12])}</text>')
        for position, (name, css, values) in enumerate(series):
            value = values[index] if index < len(values) else 0
            length = BAR_AREA * value / top
            y = y0 + position * bar
            parts.append(f'<rect class="{css}" x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{bar - 1}">'
                         f'<title>{escape(label)} {escape(name)}:{_number(value)}{unit}</title></rect>'
                         f'<text class="value" x="{LABEL_WIDTH + length + 4:.1f}" y="{y + bar - 2}">'
                         f'{_number(value)}{escape(unit)}</text>')
    if not labels:
        parts.append(f'<text class="axis" x="{LABEL_WIDTH}" y="50">本月无数据</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
