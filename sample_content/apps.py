from django.apps import AppConfig


class SampleContentConfig(AppConfig):
    """Demo content, sample translations and the load generator: development and tests only."""

    name = "sample_content"
    verbose_name = "Sample content"
