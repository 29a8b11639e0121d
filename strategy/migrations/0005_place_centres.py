from django.db import migrations

# The approximate centre of each of the district's towns and parishes, for "near me" in the
# directory. A frozen copy of strategy/data/strategy.json's places (migrations never import
# live app code); only places without a centre get one, so an editor's own stays.
CENTRES = {
    "malvern": ("52.11140", "-2.32540"),
    "tenbury-wells": ("52.31070", "-2.59400"),
    "upton-upon-severn": ("52.06330", "-2.21700"),
    "malvern-wells": ("52.07700", "-2.32800"),
    "west-malvern": ("52.11300", "-2.34800"),
    "hanley-castle": ("52.07800", "-2.23700"),
    "welland": ("52.05900", "-2.28800"),
    "powick": ("52.16000", "-2.24600"),
    "kempsey": ("52.14200", "-2.21800"),
    "martley": ("52.23800", "-2.35700"),
    "leigh-and-bransford": ("52.17900", "-2.31500"),
    "hallow": ("52.22700", "-2.25500"),
    "clifton-upon-teme": ("52.25900", "-2.42500"),
    "guarlford": ("52.09800", "-2.27700"),
    "newland": ("52.13400", "-2.29700"),
    "madresfield": ("52.12700", "-2.28400"),
    "castlemorton": ("52.03600", "-2.32000"),
    "birtsmorton": ("52.02400", "-2.29200"),
    "longdon": ("52.02900", "-2.23400"),
    "ripple": ("52.03800", "-2.17900"),
    "eldersfield": ("51.99000", "-2.26600"),
    "severn-stoke": ("52.09700", "-2.20900"),
    "abberley": ("52.30000", "-2.37500"),
    "great-witley": ("52.28300", "-2.36000"),
    "shrawley": ("52.27600", "-2.28700"),
    "holt": ("52.25400", "-2.26300"),
    "grimley": ("52.23300", "-2.24400"),
    "broadwas": ("52.19300", "-2.36300"),
    "suckley": ("52.16200", "-2.41000"),
    "knightwick": ("52.19700", "-2.39000"),
    "lindridge": ("52.31500", "-2.52100"),
    "wichenford": ("52.24500", "-2.31500"),
}


def fill_centres(apps, schema_editor):
    Place = apps.get_model("strategy", "Place")
    for slug, (latitude, longitude) in CENTRES.items():
        # The place in every language: its translations share its translation key.
        keys = Place.objects.filter(slug=slug).values("translation_key")
        Place.objects.filter(translation_key__in=keys, latitude__isnull=True, longitude__isnull=True).update(
            latitude=latitude, longitude=longitude
        )


class Migration(migrations.Migration):
    dependencies = [("strategy", "0004_place_latitude_place_longitude")]

    operations = [migrations.RunPython(fill_centres, migrations.RunPython.noop)]
