#!/usr/bin/env python3
"""Draws docs/timeline.svg: a bundle's states on each day around its expiry, with the
seed's dates (created 2018-08-01, expires_on 2018-09-01) and the default policy (window
3 days before to 5 days after). Python standard library only; run from the repo root."""
import datetime as dt
import html
import sys

CREATED = dt.date(2018, 8, 1)
EXPIRES = dt.date(2018, 9, 1)
BEFORE, AFTER = 3, 5
FIRST, LAST = dt.date(2018, 8, 22), dt.date(2018, 9, 10)

STATES = [  # name, colour, rule
    ("active", "#4c9a2a", "d < expires_on - 3"),
    ("renewal open", "#2a6f9a", "expires_on - 3 <= d < expires_on"),
    ("grace", "#d98c1f", "expires_on <= d <= expires_on + 5"),
    ("lapsed", "#a33", "d > expires_on + 5"),
]


def state(d):
    if d < EXPIRES - dt.timedelta(days=BEFORE):
        return 0
    if d < EXPIRES:
        return 1
    if d <= EXPIRES + dt.timedelta(days=AFTER):
        return 2
    return 3


def main(path):
    days = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
    cell, left, top = 36, 20, 70
    width = left * 2 + cell * len(days)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="250" '
           f'font-family="sans-serif" font-size="11">',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="{left}" y="22" font-size="14" font-weight="bold">A bundle created {CREATED}, '
           f'expires_on {EXPIRES}, default policy</text>',
           f'<text x="{left}" y="42">One box a day (offset from expires_on below). In service while '
           f'd &lt; expires_on; renewable {EXPIRES - dt.timedelta(days=BEFORE)} .. '
           f'{EXPIRES + dt.timedelta(days=AFTER)}.</text>']
    for i, d in enumerate(days):
        x = left + i * cell
        s = state(d)
        out.append(f'<rect x="{x}" y="{top}" width="{cell - 2}" height="40" fill="{STATES[s][1]}"/>')
        out.append(f'<text x="{x + cell / 2 - 1}" y="{top + 17}" fill="white" text-anchor="middle">{d:%m-%d}</text>')
        out.append(f'<text x="{x + cell / 2 - 1}" y="{top + 32}" fill="white" text-anchor="middle">'
                   f'{(d - EXPIRES).days:+d}</text>')
    # the renewal window bracket
    w0 = left + days.index(EXPIRES - dt.timedelta(days=BEFORE)) * cell
    w1 = left + (days.index(EXPIRES + dt.timedelta(days=AFTER)) + 1) * cell - 2
    out.append(f'<path d="M{w0} {top + 48} v8 H{w1} v-8" fill="none" stroke="black" stroke-width="2"/>')
    out.append(f'<text x="{(w0 + w1) / 2}" y="{top + 72}" text-anchor="middle">renewal window: a renewal '
               f'here sets expires_on to 2018-10-01 (one term after the old expiry)</text>')
    ex = left + days.index(EXPIRES) * cell - 1
    out.append(f'<line x1="{ex}" y1="{top - 8}" x2="{ex}" y2="{top + 44}" stroke="black" stroke-dasharray="3,2"/>')
    out.append(f'<text x="{ex}" y="{top - 12}" text-anchor="middle">expires_on</text>')
    for k, (name, colour, rule) in enumerate(STATES):
        y = top + 100 + k * 18
        out.append(f'<rect x="{left}" y="{y - 10}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{left + 18}" y="{y}">{name}: {html.escape(rule)}</text>')
    out.append('</svg>')
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/timeline.svg")
