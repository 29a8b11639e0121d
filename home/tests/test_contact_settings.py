from home.models import ContactSettings


def test_footer_shows_edited_contact_details_at_once(client, strategy_site, django_assert_max_num_queries):
    client.get("/")
    settings = ContactSettings.objects.get()
    settings.phone = "01684 000000"
    settings.save()
    assert "01684 000000" in client.get("/").content.decode()


def test_footer_settings_are_not_read_from_the_database_on_every_page(client, strategy_site, django_assert_num_queries):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    ContactSettings.for_site(site)
    with django_assert_num_queries(0):
        assert ContactSettings.for_site(site).email == "communityservices@malvernhills.gov.uk"
