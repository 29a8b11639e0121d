import pytest

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory, ensure_home


@pytest.fixture
def index_page(db):
    home = ensure_home()
    existing = home.get_children().filter(slug="consultations").first()
    if existing:
        return existing.specific
    return ConsultationIndexPageFactory(parent=home)


@pytest.fixture
def consultation(index_page):
    return ConsultationPageFactory(parent=index_page, title="Parks and green spaces", slug="parks")


@pytest.fixture
def moderator(db, django_user_model):
    from django.contrib.auth.models import Group

    from home.editorial import MODERATORS

    user = django_user_model.objects.create_user("mod", "mod@council.example", "a-long-password-1")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@council.example", "a-long-password-1")
