"""voip_bundle: the voip-bundle subscription rules for Python.

Every rule is computed by the library's C++ headers (include/voip/...), compiled into
``voip_bundle._voip_bundle`` with pybind11; this package only names them. Days are
``datetime.date``, money is ``int`` minor units, types and states are ``enum.IntEnum``, and a
rule's refusal raises :class:`RuleError` with the library's error name and HTTP status.
Reference: docs/python.md in the repository; Hypothesis strategies: ``voip_bundle.strategies``.
"""
from ._errors import RuleError as RuleError
from ._voip_bundle import *  # noqa: F401,F403  (the names of the C++ API)
from ._voip_bundle import __doc__ as _native_doc  # noqa: F401

__version__ = "0.1.0"
