"""Where each token stands: in a function body or not, in a constant-only place (enum
body, array bound, constexpr variable, case label), or in text the tool never mutates
(template arguments, static_assert, decltype, attributes). Heuristics on tokens."""
from __future__ import annotations

from .lexer import KEYWORDS, Token

# The token before a `{` that opens a function body or a block of statements.
_CODE_BRACE_AFTER = frozenset(") noexcept const else do mutable try override final".split())
# Parenthesised text that is never evaluated at run time, or must be constant.
_UNEVALUATED = frozenset("static_assert decltype noexcept sizeof alignof alignas typeid".split())
# Hints: they change no result, only timing, so no test can tell a mutant of one.
_HINTS = frozenset(["__builtin_prefetch"])


class Context:
    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        n = len(tokens)
        self.in_code = [False] * n      # inside a function body (or a lambda's)
        self.skip = [False] * n         # never mutated
        self.constant = [False] * n     # evaluated only at compile time: no schema, a rebuild
        self.array_bound = [False] * n  # `char buf[3]`: a larger bound changes nothing, a smaller does not compile
        # In a constexpr function's body: the schemata select the original when it is
        # constant-evaluated, so a survivor there may never have run (it gets a rebuild).
        self.in_constexpr = [False] * n
        self.brace_kind: dict[int, str] = {}
        self._classify_braces()
        self._mark_skipped()
        self._mark_constant()
        self._mark_constant_only_functions()

    def _classify_braces(self) -> None:
        stack: list[str] = []
        constexpr_depth = None  # the stack depth of the constexpr function body we are in
        for i, t in enumerate(self.tokens):
            if t.text == "{" and t.kind == "punct":
                kind = self._brace_kind(i, stack[-1] if stack else "namespace")
                self.brace_kind[i] = kind
                if kind == "code" and constexpr_depth is None and "code" not in stack and self._constexpr_head(i):
                    constexpr_depth = len(stack)
                stack.append(kind)
            elif t.text == "}" and t.kind == "punct":
                if stack:
                    stack.pop()
                if constexpr_depth is not None and len(stack) == constexpr_depth:
                    constexpr_depth = None
            self.in_code[i] = any(k == "code" for k in stack)
            self.in_constexpr[i] = constexpr_depth is not None

    def _constexpr_head(self, i: int) -> bool:
        """Whether the declaration that a function body's `{` at i ends says constexpr."""
        j = i - 1
        while j >= 0 and self.tokens[j].text not in (";", "{", "}") and self.tokens[j].kind != "pp":
            if self.tokens[j].text == "constexpr":
                return True
            j -= 1
        return False

    def _brace_kind(self, i: int, outer: str) -> str:
        toks = self.tokens
        prev = toks[i - 1] if i else None
        if prev is None:
            return "namespace"
        if prev.text in _CODE_BRACE_AFTER:
            # `Money{}` after `)`: a braced init in an expression, unless a declarator's
            # `)` (function body): the line ends with this `{`, or a `}` follows directly.
            if prev.text == ")" and outer == "code":
                return "code" if self._ends_line(i) or self._is_lambda_or_control(prev.match) else "init"
            return "code"
        if outer == "code" and prev.text in (";", "{", "}", ":"):
            return "code"  # a nested block
        # `-> std::uint64_t {`: a lambda or function with a trailing return type.
        j = i - 1
        while j > 0 and (toks[j].kind == "id" or toks[j].text == "::"):
            j -= 1
        if toks[j].text == "->" and toks[j - 1].text == ")":
            return "code"
        # `struct X {`, `class X : public Y {`, `enum class E : std::uint8_t {`, `namespace x {`
        head = set()
        j = i - 1
        while j >= 0 and toks[j].text not in (";", "{", "}") and toks[j].kind != "pp":
            head.add(toks[j].text)
            j -= 1
        if "=" not in head and "return" not in head and "(" not in head:
            for word, kind in (("namespace", "namespace"), ("enum", "enum"), ("struct", "class"),
                               ("class", "class"), ("union", "class")):
                if word in head:
                    return kind
        return "init"

    def _ends_line(self, i: int) -> bool:
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return nxt is None or nxt.line != self.tokens[i].line or nxt.text == "}"

    def _is_lambda_or_control(self, open_paren: int) -> bool:
        if open_paren <= 0:
            return False
        before = self.tokens[open_paren - 1]
        return before.text in ("]", "if", "while", "for", "switch") or before.text == ">" and before.template

    def _mark_skipped(self) -> None:
        toks = self.tokens
        for i, t in enumerate(toks):
            if t.kind == "pp":
                self.skip[i] = True
            elif t.template and t.text == "<" and t.match > i:
                for j in range(i, t.match + 1):
                    self.skip[j] = True
            elif t.text in _UNEVALUATED | _HINTS and i + 1 < len(toks) and toks[i + 1].text == "(" and toks[i + 1].match > i:
                for j in range(i, toks[i + 1].match + 1):
                    self.skip[j] = True
            elif t.text == "[" and i + 1 < len(toks) and toks[i + 1].text == "[" and t.match > i:
                for j in range(i, t.match + 1):
                    self.skip[j] = True
            elif t.text == "if" and i + 2 < len(toks) and toks[i + 1].text == "constexpr" and toks[i + 2].match > i:
                for j in range(i + 2, toks[i + 2].match + 1):
                    self.constant[j] = True  # an `if constexpr` condition
            elif t.text == "operator" and i + 1 < len(toks):
                self.skip[i + 1] = True

    def statement_start(self, i: int) -> int:
        """The first token of the statement or declaration holding token i."""
        j = i
        while j > 0:
            p = self.tokens[j - 1]
            if p.text in (";", "{", "}") and p.kind == "punct" or p.kind == "pp":
                if p.text == "}" and self.brace_kind.get(p.match) == "init" or \
                   p.text == "{" and self.brace_kind.get(j - 1) == "init":
                    j = p.match if p.text == "}" else j - 1
                    continue
                break
            j -= 1
        return j

    def _mark_constant(self) -> None:
        toks = self.tokens
        stack: list[str] = []
        for i, t in enumerate(toks):
            if t.text == "{" and i in self.brace_kind:
                stack.append(self.brace_kind[i])
            elif t.text == "}" and t.kind == "punct" and stack:
                stack.pop()
            enclosing = next((k for k in reversed(stack) if k != "init"), "namespace")
            if enclosing == "enum":
                self.constant[i] = True
                continue
            start = self.statement_start(i)
            head = [x.text for x in toks[start:i]]
            if "constexpr" in head and "(" not in head[:head.index("constexpr") + 3] and self._is_variable(start, i):
                self.constant[i] = True  # a constexpr variable: its value is fixed when compiling
            elif enclosing == "namespace" and not self.in_code[i]:
                self.constant[i] = True  # namespace-scope initialisers here are all constexpr
            elif "case" in head and ":" not in head[head.index("case"):]:
                self.constant[i] = True
        # Array bounds in declarations: `char buf[3]`, `unsigned char value[256]`.
        for i, t in enumerate(toks):
            if t.text == "[" and i >= 2 and toks[i - 1].kind == "id" and t.match > i and \
               (toks[i - 2].kind == "id" or toks[i - 2].text in ("*", "&")) and toks[i - 2].text not in ("return", "case"):
                for j in range(i, t.match + 1):
                    self.constant[j] = self.array_bound[j] = True

    def _is_variable(self, start: int, i: int) -> bool:
        # `constexpr T name = ...` or `constexpr T name{...}` / `name[...]`: a `=`, `{` or
        # `[` before token i with no `(` of a parameter list first.
        for t in self.tokens[start:i]:
            if t.text == "(":
                return False
            if t.text in ("=", "{", "["):
                return True
        return False

    def _mark_constant_only_functions(self) -> None:
        """A constexpr function whose every other use in the file initialises a constexpr
        variable (`inline constexpr HexDigits hex_digits = make_hex_digits();`) runs only
        when compiling: its body is constant-only (a rebuild each, never the schemata)."""
        toks = self.tokens
        for i, t in enumerate(toks):
            if not (t.text == "{" and self.brace_kind.get(i) == "code" and self.in_constexpr[i]):
                continue
            if i == 0 or toks[i - 1].text not in (")", "noexcept"):
                continue
            close = i - 1
            while close > 0 and toks[close].text != ")":
                close -= 1
            open_ = toks[close].match
            if open_ is None or open_ < 1 or toks[open_ - 1].kind != "id":
                continue
            name, at = toks[open_ - 1].text, open_ - 1
            if self.in_code[at]:
                continue  # a lambda or a call, not a function's definition (in_constexpr: its head says constexpr)
            uses = [j for j, u in enumerate(toks) if u.kind == "id" and u.text == name and j != at]
            if not uses:
                continue
            only_constant = True
            for j in uses:
                head = [toks[k].text for k in range(self.statement_start(j), j)]
                if "constexpr" not in head or "=" not in head or self.in_code[j]:
                    only_constant = False
                    break
            if only_constant:
                for k in range(i, toks[i].match + 1):
                    self.constant[k] = True


def is_operand_end(t: Token) -> bool:
    """Whether `t` can end an operand: a binary `*`, `&`, `-`, `+` follows such a token."""
    if t.kind in ("num", "str", "chr"):
        return True
    if t.kind == "id":
        return t.text not in KEYWORDS or t.text in ("this", "true", "false", "nullptr")
    return t.text in (")", "]", "}", "++", "--") or t.text == ">" and t.template
