"""A site filled by generate_load_data, at the sizes each test asks for."""

import pytest

from sample_content.load_data import LoadSizes, generate_load_data

# Two sizes far apart: a query per story, pledge or comment would show as a difference.
SMALL = LoadSizes(stories=10, images=2, tags=5, pledges=3, updates=6, consultations=4, comments=10)
LARGE = LoadSizes(stories=500, images=2, tags=20, pledges=40, updates=400, consultations=4, comments=500)


@pytest.fixture
def load_site(db):
    def build(sizes, seed=2041):
        return generate_load_data(sizes, seed=seed)

    return build
