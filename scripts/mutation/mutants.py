"""The mutants of one header: each is a text edit (what a rebuild compiles) and, where the
tool can express it at run time, a site of the schemata (schemata.py) that selects it by
number. Operators: ror (relational), lcr (&& <-> ||), cst (integer constant +-1), neg
(negated if/while condition), del (dropped statement), swap (two adjacent arguments)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .context import Context, is_operand_end
from .lexer import KEYWORDS, Token, tokenize

# Each comparison's boundary shift and its negation: a test that kills both pins the
# comparison (the other replacements are implied by them on integers and days).
RELATIONAL = {"<": ("<=", ">="), "<=": ("<", ">"), ">": (">=", "<="), ">=": (">", "<"),
              "==": ("!=",), "!=": ("==",)}
REL_CODE = {"<": 0, "<=": 1, ">": 2, ">=": 3, "==": 4, "!=": 5}
# Binary precedence, higher binds tighter; the operand scans stop at lower ones.
PRECEDENCE = {"*": 13, "/": 13, "%": 13, "+": 12, "-": 12, "<<": 11, ">>": 11,
              "<": 10, "<=": 10, ">": 10, ">=": 10, "==": 9, "!=": 9, "&": 8, "^": 7, "|": 6,
              "&&": 5, "||": 4}
_STOP = frozenset("; , ? : = += -= *= /= %= &= |= ^= <<= >>= return case else do throw".split())
_AMBIGUOUS_UNARY = frozenset("* & - +".split())
_NOT_CALLS = KEYWORDS - {"this"}


@dataclass
class Mutant:
    id: str
    file: str            # path relative to the project's top
    line: int
    kind: str
    original: str        # the text replaced
    mutated: str         # the text put in its place
    start: int           # offsets of the replaced text in the file
    end: int
    constant: bool = False   # only evaluated when compiling: the schemata cannot select it
    in_constexpr: bool = False  # in a constexpr function: a schemata survivor gets a rebuild
    number: int = -1          # its number in a schemata build (VOIP_MUTANT)

    def apply(self, text: str) -> str:
        return text[:self.start] + self.mutated + text[self.end:]


@dataclass
class Site:
    """A schemata edit: the text [start, end) becomes `template` with each {hole} filled by
    the (recursively edited) text of a hole and each {mK} by mutant K's number."""
    start: int
    end: int
    holes: list[tuple[int, int]]
    template: str
    mutants: list[Mutant] = field(default_factory=list)
    priority: int = 0    # at equal spans, the lower one goes outside


class Generator:
    def __init__(self, path: str, text: str):
        self.path, self.text = path, text
        self.toks = tokenize(text)
        self.ctx = Context(self.toks)
        self.mutants: list[Mutant] = []
        self.sites: list[Site] = []
        self._seen_ids: dict[str, int] = {}
        self.lines = text.split("\n")

    def run(self) -> tuple[list[Mutant], list[Site]]:
        for i, t in enumerate(self.toks):
            if self.ctx.skip[i] or not (self.ctx.in_code[i] or t.kind == "num"):
                continue
            if t.kind == "punct" and t.text in RELATIONAL and not t.template:
                self._relational(i)
            elif t.kind == "punct" and t.text in ("&&", "||"):
                self._logical(i)
            elif t.kind == "num" and not self.ctx.array_bound[i]:
                self._constant(i)
            elif t.kind == "id" and t.text in ("if", "while"):
                self._negate(i)
            if t.kind == "punct" and t.text == "(" and self.ctx.in_code[i]:
                self._swaps(i)
        self._drops()
        return self.mutants, self.sites

    # -- helpers -------------------------------------------------------------------------
    def _mutant(self, kind: str, start: int, end: int, mutated: str, anchor: int) -> Mutant:
        t = self.toks[anchor]
        line_text = self.lines[t.line - 1].strip()
        col = t.start - (self.text.rfind("\n", 0, t.start) + 1)
        indent = len(self.lines[t.line - 1]) - len(self.lines[t.line - 1].lstrip())
        key = f"{self.path}|{line_text}|{kind}|{col - indent}|{mutated}"
        h = hashlib.sha1(key.encode()).hexdigest()[:8]
        n = self._seen_ids.get(h, 0)
        self._seen_ids[h] = n + 1
        stem = self.path.rsplit("/", 1)[-1].removesuffix(".hpp")
        mid = f"{stem}-{h}" + (f"-{n}" if n else "")
        m = Mutant(mid, self.path, t.line, kind, self.text[start:end], mutated, start, end,
                   constant=self.ctx.constant[anchor], in_constexpr=self.ctx.in_constexpr[anchor])
        self.mutants.append(m)
        return m

    def _binary(self, t: Token, i: int) -> bool:
        return t.text not in _AMBIGUOUS_UNARY or (i > 0 and is_operand_end(self.toks[i - 1]))

    def _left(self, i: int, prec: int) -> int | None:
        """First token of the left operand of the binary operator at i."""
        j = i - 1
        while j >= 0:
            t = self.toks[j]
            if t.kind == "pp" or t.text in _STOP:
                break
            if t.text in (")", "]", "}") or t.text == ">" and t.template:
                if t.match < 0:
                    return None
                j = t.match - 1
                continue
            if t.text in ("(", "[", "{") or t.text == "<" and t.template:
                break
            if t.kind == "punct" and t.text in PRECEDENCE and self._binary(t, j) and PRECEDENCE[t.text] < prec:
                break
            j -= 1
        return j + 1 if j + 1 < i else None

    def _right(self, i: int, prec: int) -> int | None:
        """Last token of the right operand of the binary operator at i."""
        j = i + 1
        while j < len(self.toks):
            t = self.toks[j]
            if t.kind == "pp" or t.text in _STOP:
                break
            if t.text in ("(", "[", "{") or t.text == "<" and t.template:
                if t.match < 0:
                    return None
                j = t.match + 1
                continue
            if t.text in (")", "]", "}") or t.text == ">" and t.template:
                break
            if t.kind == "punct" and t.text in PRECEDENCE and j > i + 1 and self._binary(t, j) and \
               PRECEDENCE[t.text] <= prec:
                break
            j += 1
        return j - 1 if j - 1 > i else None

    def _operands(self, i: int):
        op = self.toks[i].text
        lo, hi = self._left(i, PRECEDENCE[op]), self._right(i, PRECEDENCE[op])
        if lo is None or hi is None:
            return None
        return (self.toks[lo].start, self.toks[i - 1].end), (self.toks[i + 1].start, self.toks[hi].end)

    # -- operators -----------------------------------------------------------------------
    def _relational(self, i: int) -> None:
        t = self.toks[i]
        ops = self._operands(i)
        ms = [self._mutant("ror", t.start, t.end, alt, i) for alt in RELATIONAL[t.text]]
        if ops is None or any(m.constant for m in ms):
            return
        (l0, l1), (r0, r1) = ops
        ids = ["-1"] * 6
        for k, alt in enumerate(RELATIONAL[t.text]):
            ids[REL_CODE[alt]] = "{m%d}" % k
        tpl = f"::voip_mutant::cmp({REL_CODE[t.text]}, {', '.join(ids)}, {{hole0}}, {{hole1}})"
        self.sites.append(Site(l0, r1, [(l0, l1), (r0, r1)], tpl, ms, priority=4))

    def _logical(self, i: int) -> None:
        t = self.toks[i]
        alt = "||" if t.text == "&&" else "&&"
        m = self._mutant("lcr", t.start, t.end, alt, i)
        ops = self._operands(i)
        if ops is None or m.constant:
            return
        (l0, l1), (r0, r1) = ops
        # L && R is L ? R : false, L || R is L ? true : R: one copy of each operand, and
        # R evaluated only when the selected operator would evaluate it.
        on = "::voip_mutant::on({m0})" if t.text == "&&" else "!::voip_mutant::on({m0})"
        tpl = f"(({{hole0}}) ? ({on} || ({{hole1}})) : ({on} && ({{hole1}})))"
        self.sites.append(Site(l0, r1, [(l0, l1), (r0, r1)], tpl, [m], priority=3))

    def _constant(self, i: int) -> None:
        t = self.toks[i]
        digits = t.text.replace("'", "")
        body = digits.rstrip("uUlLzZ")
        suffix = digits[len(body):]
        try:
            value = int(body, 16) if body[:2] in ("0x", "0X") else int(body, 8) if len(body) > 1 and body[0] == "0" \
                else int(body)
        except ValueError:
            return  # floating point
        hexa = body[:2] in ("0x", "0X")
        fmt = (lambda v: f"0x{v:X}{suffix}") if hexa else (lambda v: f"{v}{suffix}")
        ms = [self._mutant("cst", t.start, t.end, fmt(value + 1), i)]
        ms.append(self._mutant("cst", t.start, t.end, fmt(value - 1) if value > 0 else f"-1{suffix}", i))
        if ms[0].constant:
            return
        lit = t.text
        tpl = f"(::voip_mutant::on({{m0}}) ? {lit} + 1 : ::voip_mutant::on({{m1}}) ? {lit} - 1 : {lit})"
        self.sites.append(Site(t.start, t.end, [], tpl, ms, priority=5))

    def _negate(self, i: int) -> None:
        toks = self.toks
        if i + 1 >= len(toks) or toks[i + 1].text != "(" or toks[i + 1].match < 0:
            return
        if i > 0 and toks[i - 1].text == "}" and toks[i].text == "while" and \
           self.ctx.brace_kind.get(toks[i - 1].match) != "code":
            return
        close = toks[i + 1].match
        inner = toks[i + 2:close]
        if not inner:
            return
        depth0 = [t.text for t in inner]
        if ";" in depth0 or _looks_like_declaration(inner):
            return  # an init-statement or a declaration as condition
        s, e = inner[0].start, inner[-1].end
        m = self._mutant("neg", s, e, f"!({self.text[s:e]})", i)
        if m.constant:
            return
        tpl = "(({hole0}) ? !::voip_mutant::on({m0}) : ::voip_mutant::on({m0}))"
        self.sites.append(Site(s, e, [(s, e)], tpl, [m], priority=1))

    def _swaps(self, i: int) -> None:
        toks = self.toks
        prev = toks[i - 1] if i else None
        if prev is None or toks[i].match < 0 or not (prev.kind == "id" and prev.text not in _NOT_CALLS or
                                                       prev.text == ">" and prev.template):
            return
        args, j, close = [], i + 1, toks[i].match
        start = j
        while j <= close:
            t = toks[j]
            if t.text in ("(", "[", "{") and t.match > j:
                j = t.match + 1
                continue
            if t.text == "," or j == close:
                args.append((start, j - 1))
                start = j + 1
            j += 1
        for (a0, a1), (b0, b1) in zip(args, args[1:]):
            if a1 < a0 or b1 < b0 or not _simple(toks[a0:a1 + 1]) or not _simple(toks[b0:b1 + 1]):
                continue
            sa, ea, sb, eb = toks[a0].start, toks[a1].end, toks[b0].start, toks[b1].end
            if self.text[sa:ea] == self.text[sb:eb]:
                continue
            mutated = self.text[sb:eb] + self.text[ea:sb] + self.text[sa:ea]
            m = self._mutant("swap", sa, eb, mutated, a0)
            if m.constant:
                continue
            tpl = ("::voip_mutant::pick({m0}, {hole0}, {hole1})" + self.text[ea:sb] +
                   "::voip_mutant::pick({m0}, {hole1}, {hole0})")
            self.sites.append(Site(sa, eb, [(sa, ea), (sb, eb)], tpl, [m], priority=2))

    def _drops(self) -> None:
        """A whole statement on a line of its own, removed: expression statements and
        single-line ifs; not declarations, returns or labels."""
        toks, by_line = self.toks, {}
        for i, t in enumerate(toks):
            by_line.setdefault(t.line, []).append(i)
        for line, idx in sorted(by_line.items()):
            first, last = idx[0], idx[-1]
            if not self.ctx.in_code[first] or self.ctx.skip[first] or toks[last].text != ";":
                continue
            prev = toks[first - 1] if first else None
            if prev is None or prev.text not in (";", "{", "}") or prev.text == "}" and \
               self.ctx.brace_kind.get(prev.match) != "code" or prev.text == "{" and \
               self.ctx.brace_kind.get(first - 1) != "code":
                continue
            if any(toks[k].match >= 0 and not first <= toks[k].match <= last for k in idx):
                continue  # brackets open across lines
            if sum(1 for k in idx if toks[k].text == ";") != 1:
                continue
            nxt = toks[last + 1] if last + 1 < len(toks) else None
            head = toks[first]
            if head.text == "if":
                if nxt is not None and nxt.text == "else":
                    continue
            elif head.text in ("break", "continue", "++", "--"):
                pass
            elif head.kind != "id" or head.text in KEYWORDS or _looks_like_declaration(toks[first:last + 1]):
                continue
            s, e = head.start, toks[last].end
            m = self._mutant("del", s, e, "", first)
            if m.constant:
                continue
            self.sites.append(Site(s, e, [(s, e)], "if (!::voip_mutant::on({m0})) { {hole0} }", [m], priority=0))


def _simple(toks: list[Token]) -> bool:
    """A name, a member of one, a literal, or `*` of a name: evaluating it twice is harmless."""
    if not toks:
        return False
    k = 1 if toks[0].text == "*" else 0
    if k == len(toks):
        return False
    if len(toks) == 1 and toks[0].kind in ("num", "chr"):
        return True
    expect_name = True
    for t in toks[k:]:
        if expect_name:
            if t.kind != "id" or t.text in KEYWORDS and t.text != "this":
                return False
        elif t.text not in (".", "->", "::"):
            return False
        expect_name = not expect_name
    return not expect_name


def _looks_like_declaration(toks: list[Token]) -> bool:
    """`T name = ...`, `const auto x{...}`, `ns::T* p = ...`: a type, then a name."""
    if not toks:
        return False
    if toks[0].text in KEYWORDS and toks[0].text not in ("this", "if", "true", "false", "nullptr"):
        return True
    j = 0
    while j < len(toks):
        t = toks[j]
        if t.kind != "id":
            return False
        j += 1
        if j < len(toks) and toks[j].text == "<" and toks[j].template:
            j = toks[j].match - toks[0].index + 1  # match is an index in the whole file
        if j < len(toks) and toks[j].text == "::":
            j += 1
            continue
        break
    while j < len(toks) and toks[j].text in ("*", "&", "&&", "const"):
        j += 1
    return j < len(toks) and toks[j].kind == "id" and toks[j].text not in KEYWORDS


def generate(path: str, text: str) -> tuple[list[Mutant], list[Site]]:
    return Generator(path, text).run()
