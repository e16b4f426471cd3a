#!/usr/bin/env python3
"""Turns the benchmark JSON (Google Benchmark, with repetitions) and the include-cost JSON
into the table of docs/benchmarks.md (Markdown) and a plot (SVG), Python stdlib only.

Figures are medians over the repetitions of CPU time (the machine is shared: CPU time is
what the code costs; wall time also counts other processes' turns)."""
import argparse
import html
import json
import math
import sys

# (label, library benchmark, peer benchmark, how the ratio is read, target, what it means)
#   kind "speedup":  peer time / library time, target is a minimum
#   kind "slowdown": library time / peer time, target is a maximum
#   kind "bandwidth": library bytes/s / peer bytes/s, target is a minimum
#   kind "items":    library items/s / peer items/s, target is a minimum
TARGETS = [
    ("date parse vs date::parse (new stream)", "date_parse/library", "date_parse/date_parse_new_stream", "speedup", 40),
    ("date format vs date::format", "date_format/library", "date_format/date_format", "speedup", 50),
    ("month arithmetic: first_expiry vs bare date clamp", "month_add/library_first_expiry", "month_add/date_bare_clamp", "slowdown", 1.5),
    ("month arithmetic: add_term vs bare date clamp", "month_add/library_add_term", "month_add/date_bare_clamp", "slowdown", 1.5),
    ("UUID parse vs Boost string_generator", "uuid_parse/library", "uuid_parse/boost_string_generator", "speedup", 15),
    ("envelope 201, caller buffer vs nlohmann build+dump", "envelope_201/library_caller_buffer", "envelope_201/nlohmann_build_dump", "speedup", 20),
    ("strict decoding vs nlohmann parse + same checks", "decode/library_strict", "decode/nlohmann_parse_checks", "speedup", 8),
    ("sweep, array of Bundle: bytes/s vs streaming read", "sweep/array_library", "sweep/array_streaming_read", "bandwidth", 0.9),
    ("sweep, columns vs array of Bundle: bundles/s", "sweep/columns_library", "sweep/array_library", "items", 5),
]

# Further comparisons, no target: (label, library, peer, kind)
OTHERS = [
    ("date parse vs sscanf", "date_parse/library", "date_parse/sscanf", "speedup"),
    ("date parse vs std::get_time", "date_parse/library", "date_parse/std_get_time", "speedup"),
    ("date parse vs Boost from_simple_string", "date_parse/library", "date_parse/boost_from_simple_string", "speedup"),
    ("date format (to std::string) vs date::format", "date_format/library_to_string", "date_format/date_format", "speedup"),
    ("date format vs snprintf", "date_format/library", "date_format/snprintf", "speedup"),
    ("date format vs std::put_time", "date_format/library", "date_format/std_put_time", "speedup"),
    ("date format vs Boost to_iso_extended_string", "date_format/library", "date_format/boost_to_iso_extended_string", "speedup"),
    ("month arithmetic vs Boost months", "month_add/library_first_expiry", "month_add/boost_months", "speedup"),
    ("month arithmetic vs mktime", "month_add/library_first_expiry", "month_add/mktime_normalise", "speedup"),
    ("UUID format vs Boost to_string", "uuid_format/library", "uuid_format/boost_to_string", "speedup"),
    ("UUID format (to std::string) vs Boost to_string", "uuid_format/library_to_string", "uuid_format/boost_to_string", "speedup"),
    ("envelope 201 to std::string vs nlohmann", "envelope_201/library_to_string", "envelope_201/nlohmann_build_dump", "speedup"),
    ("envelope 400, caller buffer vs nlohmann", "envelope_400/library_caller_buffer", "envelope_400/nlohmann_build_dump", "speedup"),
    ("strict decoding vs simdjson on-demand + checks", "decode/library_strict", "decode/simdjson_ondemand_checks", "speedup"),
    ("strict decoding vs simdjson DOM + checks", "decode/library_strict", "decode/simdjson_dom_checks", "speedup"),
    ("end to end create vs nlohmann + date", "end_to_end_create/library", "end_to_end_create/nlohmann_date_peer", "speedup"),
    ("end to end renew vs Boost + nlohmann + date", "end_to_end_renew/library", "end_to_end_renew/boost_nlohmann_date_peer", "speedup"),
    ("sweep, columns: bytes/s vs streaming read", "sweep/columns_library", "sweep/columns_streaming_read", "bandwidth"),
    ("sweep, columns vs reading the array's bytes: bundles/s", "sweep/columns_library", "sweep/array_streaming_read", "items"),
    ("tl::expected<sys_days> return vs out-parameter (not inlined)", "expected_abi/date_return_expected", "expected_abi/date_out_parameter", "speedup"),
    ("tl::expected<sys_days> return vs plain struct (not inlined)", "expected_abi/date_return_expected", "expected_abi/date_return_plain_struct", "speedup"),
    ("tl::expected<Uuid> return vs out-parameter", "expected_abi/uuid_return_expected", "expected_abi/uuid_out_parameter", "speedup"),
]


def load_medians(path):
    with open(path) as f:
        data = json.load(f)
    medians = {}
    # With one repetition there are no aggregates: the single run stands for the median.
    has_aggregates = any(b.get("aggregate_name") == "median" for b in data["benchmarks"])
    for b in data["benchmarks"]:
        if has_aggregates and b.get("aggregate_name") != "median":
            continue
        if "error_occurred" in b:
            continue
        name = b["run_name"]
        scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        medians[name] = {
            "cpu_ns": b["cpu_time"] * scale,
            "real_ns": b["real_time"] * scale,
            "bytes_per_second": b.get("bytes_per_second"),
            "items_per_second": b.get("items_per_second"),
        }
    return data, medians


def ratio(medians, lib, peer, kind):
    if lib not in medians or peer not in medians:
        return None
    a, b = medians[lib], medians[peer]
    if kind == "speedup":
        return b["cpu_ns"] / a["cpu_ns"]
    if kind == "slowdown":
        return a["cpu_ns"] / b["cpu_ns"]
    if kind == "bandwidth":
        return a["bytes_per_second"] / b["bytes_per_second"]
    return a["items_per_second"] / b["items_per_second"]


def met(kind, value, target):
    return value <= target if kind == "slowdown" else value >= target


def fmt_time(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"


def fmt_ratio(kind, value):
    if kind in ("bandwidth",) and value < 2:
        return f"{value * 100:.0f} %"
    return f"{value:.2f}x" if value < 10 else f"{value:.1f}x"


def fmt_target(kind, target):
    if kind == "slowdown":
        return f"<= {target}x"
    if kind == "bandwidth":
        return f">= {target * 100:.0f} %"
    return f">= {target}x"


def describe(medians, name):
    m = medians[name]
    s = fmt_time(m["cpu_ns"])
    if m.get("bytes_per_second") and name.startswith("sweep/"):
        s += f" ({m['bytes_per_second'] / 1e9:.1f} GB/s, {m['items_per_second'] / 1e6:.0f} M bundles/s)"
    return s


def markdown(data, medians, inc):
    out = []
    out.append("| comparison | library | peer | measured | target | |")
    out.append("|---|---|---|---|---|---|")
    rows = []
    for label, lib, peer, kind, target in TARGETS:
        r = ratio(medians, lib, peer, kind)
        if r is None:
            out.append(f"| {label} | not run | | | {fmt_target(kind, target)} | **missing** |")
            rows.append((label, None, kind, target))
            continue
        ok = met(kind, r, target)
        out.append(f"| {label} | {describe(medians, lib)} | {describe(medians, peer)} | {fmt_ratio(kind, r)} | "
                   f"{fmt_target(kind, target)} | {'met' if ok else '**missed**'} |")
        rows.append((label, r, kind, target))
    if inc is not None:
        r = inc["ratio"]
        out.append(f"| include cost, g++ -O0, CPU time | {inc['median_library_s']:.3f} s | "
                   f"{inc['median_dependencies_s']:.3f} s | {r:.2f}x | <= 1.3x | {'met' if r <= 1.3 else '**missed**'} |")
        rows.append(("include cost vs date.h + expected.hpp", r, "slowdown", 1.3))
    out.append("")
    out.append("Further comparisons (no target):")
    out.append("")
    out.append("| comparison | library | peer | ratio |")
    out.append("|---|---|---|---|")
    others = []
    for label, lib, peer, kind in OTHERS:
        r = ratio(medians, lib, peer, kind)
        if r is None:
            continue
        out.append(f"| {label} | {describe(medians, lib)} | {describe(medians, peer)} | {fmt_ratio(kind, r)} |")
        others.append((label, r, kind, None))
    out.append("")
    out.append("All medians (CPU time; wall time in brackets):")
    out.append("")
    out.append("| benchmark | CPU | wall |")
    out.append("|---|---|---|")
    for name, m in medians.items():
        out.append(f"| {name} | {describe(medians, name)} | {fmt_time(m['real_ns'])} |")
    ctx = data.get("context", {})
    out.append("")
    keys = [k for k in sorted(ctx) if k.startswith("month_")]
    if keys:
        out.append("Month arithmetic, days where a peer's first expiry / 12th chained renewal differs from the "
                   "library's clamp rule: " + ", ".join(f"{k[len('month_'):]} = {ctx[k]}" for k in keys) + ".")
    return "\n".join(out) + "\n", rows, others


def svg(rows, others, title, path):
    """Horizontal bars on a log scale: how many times better than the peer the library is
    (slowdown rows are inverted so that right is always better), with the target marked."""
    items = []
    for label, r, kind, target in rows + others:
        if r is None:
            continue
        if kind == "slowdown":
            value, goal = 1 / r, (1 / target if target else None)
        else:
            value, goal = r, target
        items.append((label, value, goal, target is not None))
    width, left, right, top, bar, gap = 1100, 430, 40, 60, 16, 6
    height = top + len(items) * (bar + gap) + 60
    lo, hi = 0.1, max(1000.0, max(v for _, v, _, _ in items) * 1.5)
    span = math.log10(hi) - math.log10(lo)

    def x(v):
        return left + (math.log10(max(v, lo)) - math.log10(lo)) / span * (width - left - right)

    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
         f'font-family="sans-serif" font-size="12">',
         f'<rect width="{width}" height="{height}" fill="white"/>',
         f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="15">{html.escape(title)}</text>',
         f'<text x="{width / 2}" y="40" text-anchor="middle" fill="#555">times better than the peer '
         f'(log scale; right is better; | = target; green met, red missed, grey no target)</text>']
    decade = 0.1
    while decade <= hi:
        gx = x(decade)
        s.append(f'<line x1="{gx:.1f}" y1="{top - 5}" x2="{gx:.1f}" y2="{height - 45}" stroke="#ddd"/>')
        s.append(f'<text x="{gx:.1f}" y="{height - 30}" text-anchor="middle">{decade:g}x</text>')
        decade *= 10
    one = x(1)
    s.append(f'<line x1="{one:.1f}" y1="{top - 5}" x2="{one:.1f}" y2="{height - 45}" stroke="#888"/>')
    for i, (label, value, goal, has_target) in enumerate(items):
        y = top + i * (bar + gap)
        colour = "#999" if not has_target else ("#2a8a3a" if value >= goal - 1e-12 else "#c0392b")
        x0, x1 = x(min(1, value)), x(max(1, value))
        s.append(f'<text x="{left - 8}" y="{y + bar - 4}" text-anchor="end">{html.escape(label)}</text>')
        s.append(f'<rect x="{x0:.1f}" y="{y}" width="{max(1, x1 - x0):.1f}" height="{bar}" fill="{colour}"/>')
        s.append(f'<text x="{x1 + 4:.1f}" y="{y + bar - 4}">{value:.3g}x</text>')
        if goal:
            gx = x(goal)
            s.append(f'<line x1="{gx:.1f}" y1="{y - 2}" x2="{gx:.1f}" y2="{y + bar + 2}" stroke="black" stroke-width="2"/>')
    s.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(s) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", required=True, help="Google Benchmark JSON")
    ap.add_argument("--include", help="include_cost.py JSON")
    ap.add_argument("--markdown", help="write the tables here (default: stdout)")
    ap.add_argument("--svg", help="write the plot here")
    args = ap.parse_args()
    data, medians = load_medians(args.bench)
    inc = None
    if args.include:
        with open(args.include) as f:
            inc = json.load(f)
    text, rows, others = markdown(data, medians, inc)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    if args.svg:
        ctx = data.get("context", {})
        svg(rows, others, f"voip-bundle vs peers, medians, {ctx.get('date', '')[:10]}", args.svg)
    missed = [label for label, r, kind, target in rows if r is None or not met(kind, r, target)]
    print(f"targets: {len(rows) - len(missed)} met, {len(missed)} missed" + (": " + "; ".join(missed) if missed else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main()
