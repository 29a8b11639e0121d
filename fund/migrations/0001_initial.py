# The People Make Places Fund: priorities, rounds, criteria, applications, assessments, projects, ballots.

import uuid

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
import modelsearch.index
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

import fund.models.applications
import fund.models.ballots


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("pledges", "0003_editorial_groups"),
        ("strategy", "0003_seed_corrections"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Priority",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(help_text="e.g. 'Places: empowerment and investment for local communities'", max_length=100)),
                ("short_name", models.CharField(help_text="For tags, filters and charts, e.g. 'Places'", max_length=40)),
                ("slug", models.SlugField(max_length=100)),
                ("description", models.TextField(blank=True, help_text="What the fund will do under this priority")),
                ("sort_order", models.PositiveSmallIntegerField(default=0)),
                ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
            ],
            options={
                "verbose_name": "investment priority",
                "verbose_name_plural": "investment priorities",
                "ordering": ["sort_order", "name"],
                "abstract": False,
                "unique_together": {("slug", "locale"), ("translation_key", "locale")},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="FundPage",
            fields=[
                ("page_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ("total_commitment", models.DecimalField(decimal_places=2, default=Decimal("500000"), help_text="What the council committed to the fund, in pounds", max_digits=12)),
                ("introduction", wagtail.fields.RichTextField(blank=True)),
            ],
            options={
                "abstract": False,
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="FundRoundPage",
            fields=[
                ("page_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ("budget", models.DecimalField(decimal_places=2, help_text="In pounds", max_digits=12, validators=[django.core.validators.MinValueValidator(0)])),
                ("opens_at", models.DateTimeField()),
                ("closes_at", models.DateTimeField()),
                ("voting_opens_at", models.DateTimeField(blank=True, help_text="Leave empty if residents do not vote", null=True)),
                ("voting_closes_at", models.DateTimeField(blank=True, null=True)),
                ("decisions_on", models.DateTimeField(help_text="When groups hear the outcome")),
                ("summary", models.TextField(blank=True, max_length=500)),
                ("eligibility", wagtail.fields.RichTextField(help_text="Who may apply and for what")),
                ("places", modelcluster.fields.ParentalManyToManyField(blank=True, help_text="Leave empty for the whole district", related_name="fund_rounds", to="strategy.place")),
                ("priorities", modelcluster.fields.ParentalManyToManyField(related_name="rounds", to="fund.priority")),
            ],
            options={
                "abstract": False,
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="AssessmentCriterion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("name", models.CharField(max_length=200)),
                ("guidance", models.TextField(blank=True, help_text="What a high or low score means, for assessors")),
                ("max_score", models.PositiveSmallIntegerField(default=5, validators=[django.core.validators.MinValueValidator(1)])),
                ("round", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="criteria", to="fund.fundroundpage")),
            ],
            options={
                "verbose_name": "assessment criterion",
                "verbose_name_plural": "assessment criteria",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Application",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("reference", models.CharField(default=fund.models.applications.new_reference, editable=False, max_length=20, unique=True)),
                ("group_email", models.EmailField(blank=True, help_text="Stored in lower case; emptied on erasure", max_length=254)),
                ("group_name", models.CharField(max_length=200)),
                ("organisation_type", models.CharField(blank=True, choices=[("community_group", "Constituted community group"), ("charity", "Registered charity"), ("cio", "Charitable incorporated organisation"), ("cic", "Community interest company"), ("social_enterprise", "Other social enterprise"), ("parish_council", "Town or parish council")], max_length=30)),
                ("charity_number", models.CharField(blank=True, max_length=20)),
                ("company_number", models.CharField(blank=True, max_length=20)),
                ("project_title", models.CharField(blank=True, max_length=200)),
                ("summary", models.TextField(blank=True, max_length=2000)),
                ("amount_requested", models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(1)])),
                ("declares_information_true", models.BooleanField(default=False, verbose_name="The information given is true and complete")),
                ("declares_funds_managed", models.BooleanField(default=False, verbose_name="The group will manage the grant and report how it is spent")),
                ("agrees_privacy_notice", models.BooleanField(default=False, verbose_name="Has read the privacy notice")),
                ("state", models.CharField(choices=[("draft", "Draft"), ("submitted", "Submitted"), ("ineligible", "Not eligible"), ("eligible", "Eligible"), ("shortlisted", "Shortlisted"), ("not_shortlisted", "Not shortlisted"), ("funded", "Funded"), ("not_funded", "Not funded"), ("withdrawn", "Withdrawn")], default="draft", max_length=20)),
                ("current_step", models.CharField(blank=True, help_text="The step of the application form the group left off at", max_length=50)),
                ("eligibility_notes", models.TextField(blank=True)),
                ("decision_reasons", models.TextField(blank=True)),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("place", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="fund_applications", to="strategy.place")),
                ("priority", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="applications", to="fund.priority")),
                ("round", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="applications", to="fund.fundroundpage")),
            ],
            options={
                "ordering": ["-created_at"],
                "permissions": [("record_decision", "Can record the panel's decision on an application")],
                "indexes": [
                    models.Index(fields=["group_email"], name="fund_application_email"),
                    models.Index(fields=["round", "state"], name="fund_application_round_state"),
                ],
            },
        ),
        migrations.CreateModel(
            name="Assessment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("conflict_of_interest", models.BooleanField(default=False)),
                ("conflict_note", models.TextField(blank=True, help_text="What the conflict is")),
                ("comments", models.TextField(blank=True)),
                ("submitted_at", models.DateTimeField(blank=True, help_text="Empty while the assessor is working on it", null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("application", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="assessments", to="fund.application")),
                ("assessor", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="fund_assessments", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "ordering": ["application", "assessor"],
                "permissions": [("view_all_assessments", "Can view every assessor's assessments")],
                "constraints": [
                    models.UniqueConstraint(fields=("application", "assessor"), name="fund_one_assessment_per_assessor")
                ],
            },
        ),
        migrations.CreateModel(
            name="BudgetLine",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("item", models.CharField(max_length=200)),
                ("amount", models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal("0.01"))])),
                ("sort_order", models.PositiveSmallIntegerField(default=0)),
                ("application", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="budget_lines", to="fund.application")),
            ],
            options={
                "ordering": ["sort_order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="SupportingDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("file", models.FileField(max_length=255, upload_to=fund.models.applications.supporting_document_path)),
                ("original_name", models.CharField(max_length=255)),
                ("size", models.PositiveIntegerField(help_text="In bytes")),
                ("uploaded_at", models.DateTimeField(auto_now_add=True)),
                ("application", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="documents", to="fund.application")),
            ],
            options={
                "ordering": ["uploaded_at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Score",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("score", models.PositiveSmallIntegerField()),
                ("assessment", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="fund.assessment")),
                ("criterion", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="fund.assessmentcriterion")),
            ],
            options={
                "ordering": ["criterion__sort_order"],
                "constraints": [
                    models.UniqueConstraint(fields=("assessment", "criterion"), name="fund_one_score_per_criterion")
                ],
            },
        ),
        migrations.CreateModel(
            name="ProjectPage",
            fields=[
                ("page_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ("summary", models.TextField(max_length=500)),
                ("group_name", models.CharField(blank=True, help_text="The community group running it", max_length=200)),
                ("cost", models.DecimalField(decimal_places=2, help_text="What the project asks the fund for, in pounds", max_digits=12, validators=[django.core.validators.MinValueValidator(0)])),
                ("grant_amount", models.DecimalField(blank=True, decimal_places=2, help_text="What the fund awarded; empty while shortlisted or if not funded", max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(0)])),
                ("body", wagtail.fields.RichTextField(blank=True)),
                ("crowdfunding_url", models.URLField(blank=True, help_text="The project's crowdfunding page, if it has one")),
                ("crowdfunding_raised", models.DecimalField(decimal_places=2, default=Decimal("0"), help_text="Raised from the public so far", max_digits=12, validators=[django.core.validators.MinValueValidator(0)])),
                ("match_funding", models.DecimalField(decimal_places=2, default=Decimal("0"), help_text="The council's match, in pounds", max_digits=12, validators=[django.core.validators.MinValueValidator(0)])),
                ("target", models.DecimalField(blank=True, decimal_places=2, help_text="The crowdfunding target, in pounds", max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(0)])),
                ("application", models.OneToOneField(blank=True, help_text="The application this project came from (never shown publicly)", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="project_page", to="fund.application")),
                ("places", modelcluster.fields.ParentalManyToManyField(blank=True, related_name="fund_projects", to="strategy.place")),
                ("pledges", modelcluster.fields.ParentalManyToManyField(blank=True, related_name="fund_projects", to="pledges.pledgepage")),
                ("priority", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="projects", to="fund.priority")),
                ("workstreams", modelcluster.fields.ParentalManyToManyField(blank=True, related_name="fund_projects", to="strategy.workstream")),
            ],
            options={
                "abstract": False,
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="ProjectUpdate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("date", models.DateField()),
                ("text", models.TextField(help_text="What happened, in a few plain sentences", max_length=2000)),
                ("amount_spent", models.DecimalField(decimal_places=2, default=Decimal("0"), help_text="Spent from the grant since the previous update, in pounds (the fund page adds them up)", max_digits=12, validators=[django.core.validators.MinValueValidator(0)])),
                ("project", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="updates", to="fund.projectpage")),
            ],
            options={
                "verbose_name": "progress update",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Ballot",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("email", models.EmailField(blank=True, help_text="Stored in lower case; emptied after the retention period", max_length=254)),
                ("postcode", models.CharField(blank=True, max_length=10)),
                ("token", models.CharField(default=fund.models.ballots.new_token, editable=False, max_length=64, unique=True)),
                ("confirmed_at", models.DateTimeField(blank=True, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("round", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="ballots", to="fund.fundroundpage")),
            ],
            options={
                "ordering": ["-created_at"],
                "indexes": [models.Index(fields=["email"], name="fund_ballot_email")],
                "constraints": [
                    models.UniqueConstraint(condition=models.Q(("email", ""), _negated=True), fields=("round", "email"), name="fund_one_ballot_per_email")
                ],
            },
        ),
        migrations.CreateModel(
            name="BallotChoice",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("ballot", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="choices", to="fund.ballot")),
                ("project", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="ballot_choices", to="fund.projectpage")),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("ballot", "project"), name="fund_one_choice_per_project")
                ],
            },
        ),
    ]
