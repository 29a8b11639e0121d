"""A resident finds a service on the directory's map and in its list, in real headless Chromium,
with the tile server unreachable (the test settings point it at a closed port): the map still
draws its markers, a marker's popup links to the entry, and the list, filtered by type, leads
to the entry page."""

import time
from decimal import Decimal

from django.core.cache import caches
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from .actions import next_page

# serialized_rollback: migrations made the root page, locale and site; keep them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


MAP = "/directory/map/?theme=map-test"


@pytest.fixture
def directory_site(live_server, settings):
    from directory.models import AssetType, DirectoryPage
    from directory.tests.factories import ThemeFactory, entry
    from home.loader import load_site
    from strategy.models import Place

    assert settings.DIRECTORY_MAP_TILE_URL.startswith("http://127.0.0.1:9/")  # nothing listens there
    # Nothing kept from a site an earlier test built (the workers' own cache included).
    for alias in settings.CACHES:
        caches[alias].clear()
    # The real site: its directory page, the snapshot's asset types, the district's places.
    home = load_site()
    directory = DirectoryPage.objects.child_of(home).get()
    foodbank = AssetType.objects.get(slug="foodbank", locale=home.locale)
    hall = AssetType.objects.get(slug="village-hall", locale=home.locale)
    malvern = Place.objects.get(slug="malvern", locale=home.locale)
    upton = Place.objects.get(slug="upton-upon-severn", locale=home.locale)
    entries = {
        "foodbank": entry(
            directory,
            title="Malvern Hills Foodbank",
            asset_type=foodbank,
            place=malvern,
            address="Church Street\nMalvern",
            postcode="WR14 2AY",
            latitude=Decimal("52.11000"),
            longitude=Decimal("-2.32500"),
        ),
        "hall": entry(
            directory,
            title="Upton Memorial Hall",
            asset_type=hall,
            place=upton,
            latitude=Decimal("52.06250"),
            longitude=Decimal("-2.21900"),
        ),
        "pantry": entry(
            directory, title="Tenbury Community Pantry", asset_type=foodbank, latitude=None, longitude=None
        ),
    }
    # Browser tests before this one may have left a sample site in the database: the resident
    # looks at one theme's entries, which are this test's alone.
    theme = ThemeFactory(name="Food and shelter (map test)", short_name="Food", slug="map-test")
    for page in entries.values():
        page.themes.add(theme)
        page.save_revision().publish()
    return live_server, entries


def in_view(browser, element):
    """The site scrolls smoothly: bring `element` into view at once, so a click lands on it."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)


def settled(element):
    """True once `element` has stayed where it is for a moment (an animation has finished)."""
    last = {}

    def check(driver):
        rect = driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", element)
        steady = rect == last.get("rect")
        last["rect"] = rect
        time.sleep(0.2)
        return steady

    return check


def entry_page_renders():
    try:
        get_template("directory/asset_page.html")
    except TemplateDoesNotExist:
        return False
    return True


def arrive_at_entry(browser, site, entry):
    WebDriverWait(browser, 10).until(expected_conditions.url_to_be(site.url + entry.url))
    if entry_page_renders():
        assert browser.find_element(By.TAG_NAME, "h1").text == entry.title


def test_a_resident_finds_a_service_on_the_map_and_in_the_list(browser_defaults, directory_site):
    browser = browser_defaults
    site, entries = directory_site
    browser.get_log("browser")  # start from an empty console
    browser.get(site.url + MAP)

    # The map draws, over the list, with its markers from the GeoJSON: the tiles fail, nothing else.
    WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element(By.ID, "directory-map").get_attribute("data-markers") is not None
    )
    map_element = browser.find_element(By.ID, "directory-map")
    assert map_element.is_displayed()
    assert map_element.get_attribute("data-markers") == "2"  # the pantry has no map point
    markers = browser.find_elements(By.CSS_SELECTOR, "#directory-map .leaflet-marker-icon")
    assert sorted(marker.get_attribute("alt") for marker in markers) == [
        "Malvern Hills Foodbank",
        "Upton Memorial Hall",
    ]
    console = browser.get_log("browser")
    assert [line["message"] for line in console if "Content Security Policy" in line["message"]] == []

    # A marker's popup links to its entry; following the link opens the entry.
    foodbank = entries["foodbank"]
    in_view(browser, map_element)
    marker = browser.find_element(By.CSS_SELECTOR, '#directory-map .leaflet-marker-icon[alt="Malvern Hills Foodbank"]')
    marker.click()
    link = WebDriverWait(browser, 5).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".leaflet-popup-content a"))
    )
    # Selenium's visibility test does not follow Leaflet's positioned panes (it calls the link
    # hidden while the screen shows it), so the text is read from the DOM and the link is
    # followed from the keyboard: focused (as Tab from the marker does) and Enter pressed.
    assert link.get_attribute("textContent") == "Malvern Hills Foodbank"
    assert link.get_attribute("href") == site.url + foodbank.url
    details = browser.find_element(By.CSS_SELECTOR, ".leaflet-popup-content").get_attribute("textContent")
    assert "Foodbank, Malvern" in details
    WebDriverWait(browser, 5).until(settled(link))  # the map has panned the popup into view
    browser.execute_script("arguments[0].focus()", link)
    assert browser.switch_to.active_element == link
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    arrive_at_entry(browser, site, foodbank)

    # The list: every entry, the pantry without a map point too; filtered by type.
    browser.get(site.url + MAP)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.directory-map-list tbody tr")
    assert [row.find_element(By.TAG_NAME, "th").text for row in rows] == [
        "Malvern Hills Foodbank",
        "Tenbury Community Pantry",
        "Upton Memorial Hall",
    ]
    Select(browser.find_element(By.ID, "id_type")).select_by_visible_text("Foodbank")
    button = browser.find_element(By.XPATH, "//button[normalize-space()='Show entries']")
    in_view(browser, button)
    with next_page(browser):
        button.click()
    assert "type=foodbank" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "table.directory-map-list tbody tr")
    assert [row.find_element(By.TAG_NAME, "th").text for row in rows] == [
        "Malvern Hills Foodbank",
        "Tenbury Community Pantry",
    ]
    assert "Church Street\nMalvern\nWR14 2AY" in rows[0].text
    # The map shows the same filter: the hall's marker is gone.
    WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element(By.ID, "directory-map").get_attribute("data-markers") == "1"
    )
    # By keyboard: the link in the list is reached and followed without a mouse.
    link = rows[0].find_element(By.LINK_TEXT, "Malvern Hills Foodbank")
    link.send_keys("\n")
    arrive_at_entry(browser, site, foodbank)
