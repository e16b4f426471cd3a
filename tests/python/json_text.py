"""JSON text helpers shared by the Python tests (tests/cli, tests/sandbox)."""


def squeeze(text):
    """The text with every whitespace character outside JSON strings removed: a pretty
    envelope squeezed is its compact form."""
    out, in_string, escaped = [], False, False
    for c in text:
        if in_string:
            out.append(c)
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif c not in " \t\r\n":
            out.append(c)
    return "".join(out)
