"""Admin forms: an assessment is always the signed-in assessor's own, of a submitted application."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


class AssessmentAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and self.for_user is not None:
            self.instance.assessor = self.for_user
        # The inline score forms of a new assessment have no parent until it is saved, and a
        # score's clean() checks against it (conflict of interest, the application's round):
        # give each score the assessment this form is building.
        scores = self.formsets.get("scores")
        if scores is not None:
            for form in scores.forms:
                form.instance.assessment = self.instance
        field = self.fields.get("application")
        if field is not None:
            if self.instance.pk is not None:
                field.disabled = True
            else:
                from .models import Application

                field.queryset = field.queryset.exclude(state=Application.State.DRAFT)

    def clean(self):
        cleaned_data = super().clean()
        application = cleaned_data.get("application") or self.instance.application_id and self.instance.application
        assessor_id = self.instance.assessor_id
        if application and assessor_id:
            others = type(self.instance).objects.filter(application=application, assessor_id=assessor_id)
            if others.exclude(pk=self.instance.pk).exists():
                raise ValidationError({"application": _("You have already assessed this application.")})
        return cleaned_data
