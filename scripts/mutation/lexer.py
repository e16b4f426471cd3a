"""A small C++ tokenizer for the mutation tool: enough to tell code from comments,
string and character literals and preprocessor lines, and `<`/`>` of templates from
comparisons. Not a parser: every later decision is a heuristic on these tokens."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Longest first, so that `<=` is never read as `<` then `=`.
PUNCTUATORS = sorted(
    """>>= <<= <=> ->* ... :: -> ++ -- << >> <= >= == != && || += -= *= /= %= &= |= ^= ##
    { } [ ] ( ) ; : ? , . + - * / % ^ & | ~ ! = < > #""".split(),
    key=len, reverse=True)

KEYWORDS = frozenset("""alignas alignof and asm auto bool break case catch char class const
    consteval constexpr const_cast continue decltype default delete do double dynamic_cast else
    enum explicit export extern false float for friend goto if inline int long mutable namespace
    new noexcept nullptr operator private protected public register reinterpret_cast return short
    signed sizeof static static_assert static_cast struct switch template this throw true try
    typedef typeid typename union unsigned using virtual void volatile while""".split())

_IDENT = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
# Digit separators (1'000) and suffixes (ull, u) belong to the number.
_NUMBER = re.compile(r"(?:0[xX][0-9A-Fa-f']+|0[bB][01']+|\d[\d']*(?:\.[\d']*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)[A-Za-z]*")
_RAW_STRING = re.compile(r'(?:u8|u|U|L)?R"([^(\s]*)\(')


@dataclass
class Token:
    kind: str   # id, num, str, chr, punct, pp
    text: str
    start: int  # offset in the file's text
    end: int
    line: int   # 1-based
    template: bool = False  # a `<` or `>` that brackets template arguments
    match: int = -1         # index of the matching bracket, for ( [ { and template < >
    index: int = -1         # this token's own index in the file's list
    extra: dict = field(default_factory=dict)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, line, n = 0, 1, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
            at_line_start = True
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += text.count("\n", i, j)
            i = j
            continue
        if c == "#" and at_line_start:  # a preprocessor line, with its continuations
            j = i
            while True:
                k = text.find("\n", j)
                k = n if k < 0 else k
                if k > j and text[k - 1] == "\\":
                    j = k + 1
                    continue
                break
            tokens.append(Token("pp", text[i:k], i, k, line))
            line += text.count("\n", i, k)
            i = k
            continue
        at_line_start = False
        m = _RAW_STRING.match(text, i)
        if m:
            close = ")" + m.group(1) + '"'
            j = text.find(close, m.end())
            j = n if j < 0 else j + len(close)
            tokens.append(Token("str", text[i:j], i, j, line))
            line += text.count("\n", i, j)
            i = j
            continue
        m = _IDENT.match(text, i)
        if m and not (m.group() in ("u8", "u", "U", "L") and m.end() < n and text[m.end()] in "\"'"):
            tokens.append(Token("id", m.group(), i, m.end(), line))
            i = m.end()
            continue
        if m:  # an encoding prefix: the literal follows
            i = m.end()
            c = text[i]
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j += 1
            tokens.append(Token("str" if c == '"' else "chr", text[i:j], i, j, line))
            i = j
            continue
        m = _NUMBER.match(text, i)
        if m and (c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit())):
            tokens.append(Token("num", m.group(), i, m.end(), line))
            i = m.end()
            continue
        for p in PUNCTUATORS:
            if text.startswith(p, i):
                tokens.append(Token("punct", p, i, i + len(p), line))
                i += len(p)
                break
        else:
            raise ValueError(f"line {line}: unexpected character {c!r}")
    for k, t in enumerate(tokens):
        t.index = k
    _match_brackets(tokens)
    _mark_templates(tokens)
    return tokens


def _match_brackets(tokens: list[Token]) -> None:
    stack: list[int] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for i, t in enumerate(tokens):
        if t.kind != "punct":
            continue
        if t.text in "([{":
            stack.append(i)
        elif t.text in pairs:
            while stack and tokens[stack[-1]].text != pairs[t.text]:
                stack.pop()  # unbalanced text (a macro): give up on that opener
            if stack:
                j = stack.pop()
                tokens[j].match, t.match = i, j


# Tokens that end a template argument list scan: what a template argument never holds at
# its top level. `<` after one of these was a comparison.
_NOT_IN_TEMPLATE_ARGS = frozenset("; { } && || ? = <= >= == != . -> += -= return".split())
_ALWAYS_TEMPLATES = frozenset("static_cast reinterpret_cast const_cast dynamic_cast template".split())


def _mark_templates(tokens: list[Token]) -> None:
    """Marks `<` ... `>` pairs that bracket template arguments: `<` right after a name (or
    `template`), closed by a `>` before anything a template argument cannot hold."""
    for i, t in enumerate(tokens):
        if t.text != "<" or t.kind != "punct" or t.template or i == 0:
            continue
        prev = tokens[i - 1]
        if prev.kind != "id" or (prev.text in KEYWORDS and prev.text not in _ALWAYS_TEMPLATES):
            continue
        if i >= 2 and tokens[i - 2].text == "operator":
            continue  # operator< itself
        close = _find_template_close(tokens, i)
        if close is None:
            continue
        t.template = tokens[close].template = True
        t.match, tokens[close].match = close, i


def _find_template_close(tokens: list[Token], open_index: int) -> int | None:
    depth, j = 1, open_index + 1
    while j < len(tokens):
        t = tokens[j]
        if t.kind == "pp":
            return None
        if t.text in ("(", "[") and t.match > j:
            j = t.match + 1
            continue
        if t.text in (")", "]") or t.text in _NOT_IN_TEMPLATE_ARGS:
            return None
        if t.text == "<" and tokens[j - 1].kind == "id":
            depth += 1
        elif t.text == ">":
            depth -= 1
            if depth == 0:
                return j
        elif t.text == ">>":
            depth -= 2
            if depth <= 0:
                return None  # `>>` closing two lists at once: not seen in these headers
        j += 1
    return None
