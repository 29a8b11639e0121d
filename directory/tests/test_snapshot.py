"""The home page's community-assets snapshot: the register's counts once it has entries, else the baseline."""

import re

import pytest

from directory.factories import add_entry

pytestmark = pytest.mark.django_db


def snapshot_lines(client):
    html = client.get("/").content.decode()
    section = re.search(r'<section aria-labelledby="assets-heading">.*?</section>', html, re.S).group(0)
    lines = re.findall(r"<li>(.*?)</li>", section, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line)).strip() for line in lines]


def test_every_line_shows_the_strategy_baseline_while_the_register_is_empty(client, directory):
    lines = snapshot_lines(client)
    assert len(lines) == 12
    assert "3 foodbanks and 3 community pantries (strategy baseline)" in lines
    assert "48 village halls and community facilities (strategy baseline)" in lines
    assert not any("(in the register)" in line for line in lines)


def test_a_line_counts_the_registers_live_entries_once_it_has_some(client, directory):
    add_entry(directory, asset_type="foodbank")
    add_entry(directory, asset_type="foodbank")
    add_entry(directory, asset_type="community-pantry")
    add_entry(directory, asset_type="community-pantry", publish=False)  # a draft does not count
    add_entry(directory, asset_type="village-hall")
    lines = snapshot_lines(client)
    assert "2 foodbanks and 1 community pantries (in the register)" in lines
    assert "1 village halls and community facilities (in the register)" in lines
    # Lines with no entry yet keep the strategy's figure, and say so.
    assert "Over 100 sports clubs (strategy baseline)" in lines
    assert "8 listed as an Asset of Community Value (strategy baseline)" in lines


def test_the_snapshot_is_counted_in_one_query_and_kept_until_the_next_publication(
    client, directory, django_assert_num_queries
):
    from core import snapshot
    from core.caching.routing import restricted_paths

    add_entry(directory, asset_type="foodbank")
    restricted_paths()  # every page view has them already, kept until the next publication
    with django_assert_num_queries(1):
        counts = snapshot.counts()
    assert sum(n for pairs in counts.values() for _name, n in pairs) == 1
    with django_assert_num_queries(0):
        snapshot.counts()
    add_entry(directory, asset_type="foodbank")
    assert "2 foodbanks and 0 community pantries (in the register)" in snapshot_lines(client)
