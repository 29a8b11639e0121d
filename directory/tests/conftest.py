"""Fixtures of the directory's tests; the community groups' ones live in group_helpers.py."""

from .group_helpers import (  # noqa: F401 - fixtures
    directory_for_groups,
    directory_moderator,
    fresh_rate_limits,
    register_data,
)
