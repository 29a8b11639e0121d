from django.core.management.base import BaseCommand

from sample_content.load_data import LoadSizes, generate_load_data


class Command(BaseCommand):
    help = "Fill the database with load-test volume (stories, pledges, consultations, comments; directory entries with --assets). Reproducible from --seed."

    def add_arguments(self, parser):
        defaults = LoadSizes()
        for name in ("stories", "images", "tags", "pledges", "updates", "consultations", "comments", "assets"):
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
        parser.add_argument(
            "--comments-on-one",
            action="store_true",
            help="every comment on one consultation (the latest with an outcome)",
        )
        parser.add_argument("--seed", type=int, default=2041)

    def handle(self, *args, **options):
        sizes = LoadSizes(**{name: options[name] for name in LoadSizes.__dataclass_fields__})
        added = generate_load_data(sizes, seed=options["seed"], say=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Added " + ", ".join(f"{count} {name}" for name, count in added.items())))
