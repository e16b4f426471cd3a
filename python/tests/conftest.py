"""pytest setup: Hypothesis without an example database (nothing written to the tree), no
deadline (the machine is shared), VOIP_BUNDLE_EXAMPLES examples per property (default 100)."""
import os

from hypothesis import HealthCheck, settings

settings.register_profile("voip_bundle", database=None, deadline=None,
                          max_examples=int(os.environ.get("VOIP_BUNDLE_EXAMPLES", "100")),
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("voip_bundle")
