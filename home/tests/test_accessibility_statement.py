"""The accessibility statement follows the UK model statement and stays editable content."""

import re

from home.models import StandardPage

# The headings of GOV.UK's sample accessibility statement, in its order.
MODEL_STATEMENT_HEADINGS = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "What we're doing to improve accessibility",
    "Preparation of this accessibility statement",
]


def headings(html, level):
    return [
        re.sub(r"<[^>]+>", "", text).replace("&#x27;", "'").strip()
        for text in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.S)
    ]


def test_accessibility_statement_has_the_model_statements_headings_in_order(client, strategy_site):
    html = client.get("/accessibility-statement/").content.decode()
    assert headings(html, 1) == ["Accessibility statement for Connected Communities"]
    # Straight under the h1, so level 2 (no skipped level), in the model's order.
    found = [heading for heading in headings(html, 2) if heading in MODEL_STATEMENT_HEADINGS]
    assert found == MODEL_STATEMENT_HEADINGS
    assert "This page was last reviewed on" in html


def test_accessibility_statement_is_an_editable_page(client, strategy_site):
    statement = StandardPage.objects.get(slug="accessibility-statement")
    body = list(statement.body.raw_data)
    body.insert(1, {"type": "subheading", "value": "Using this website in Polish or Romanian"})
    statement.body = body
    statement.save_revision().publish()
    html = client.get("/accessibility-statement/").content.decode()
    assert "<h2>Using this website in Polish or Romanian</h2>" in html
