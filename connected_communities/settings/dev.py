"""Local development: debug on, a fixed throwaway key, every host."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-connected-communities")  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# Demo content, sample translations and the load generator; production never installs them.
INSTALLED_APPS = [*INSTALLED_APPS, "sample_content"]  # noqa: F405
INTERNAL_IPS = ["127.0.0.1"]

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Example identifiers, so the fund's 360Giving open data can be tried locally. Not a registered
# prefix: production sets FUND_360GIVING_IDENTIFIER, _NAME and _PREFIX (settings/base.py).
FUND_360GIVING = FUND_360GIVING or {  # noqa: F405
    "identifier": "GB-LAE-EXAMPLE",
    "name": "Example District Council",
    "prefix": "360G-example-dc",
}
