"""voip_bundle.RuleError: a rule of the library refused the call."""


class RuleError(Exception):
    """A rule refused the call: ``error`` is the library's error name (``"insufficient_funds"``),
    ``status`` the HTTP status it answers with (402). Raised by every call whose C++ function
    returns a failed ``tl::expected``; pass it to ``make_envelope`` for the API's answer."""

    error: str
    status: int

    def __init__(self, error: str, status: int) -> None:
        super().__init__(error, status)
        self.error = error
        self.status = status

    def __str__(self) -> str:
        return f"{self.error} ({self.status})"


RuleError.__module__ = "voip_bundle"  # its public home: voip_bundle.RuleError
