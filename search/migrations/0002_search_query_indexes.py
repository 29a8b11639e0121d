"""Two indexes for the search backend's query, on PostgreSQL.

The backend matches `(title || body) @@ query` on its index entries; its own GIN indexes are
on each column alone, which that expression cannot use, so every search read every entry.
It then joins the matches to their pages on `page.id::varchar = object_id`, which the page's
primary key cannot serve, so every search also read every page. With these two indexes a
search reads only the entries that match and their pages. SQLite's full-text table needs
neither.
"""

from django.db import migrations

INDEXES = {
    "search_indexentry_title_body_gin": 'wagtailsearch_indexentry USING gin (("title" || "body"))',
    "search_page_id_as_text": "wagtailcore_page ((((id)::varchar(50))::text))",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
