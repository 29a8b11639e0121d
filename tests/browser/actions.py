"""What a resident does in the browser, and waiting for the page it leads to.

Every browser suite uses these, so a wait that is right once is right everywhere: a click
that loads the next page waits until the old document is gone and the new one has loaded,
and a wait on the new page's content keeps asking while the old page's nodes go stale.
"""

from contextlib import contextmanager

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PAGE_TIMEOUT = 15


def wait(browser, timeout=PAGE_TIMEOUT):
    """A WebDriverWait that asks again when the node it read belonged to the page just left."""
    return WebDriverWait(browser, timeout, ignored_exceptions=(StaleElementReferenceException,))


def page_replaced(old_element):
    """Like Selenium's staleness_of, for a node of the page we just left.

    Chromium sometimes answers a question about a node of a discarded document with
    "Node with given id does not belong to the document" instead of a stale-element error:
    both mean the old page is gone.
    """

    def replaced(_driver):
        try:
            old_element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            return "does not belong to the document" in str(error)
        return False

    return replaced


def wait_until_loaded(browser):
    wait(browser).until(lambda driver: driver.execute_script("return document.readyState") == "complete")


def open_page(browser, url):
    browser.get(url)
    wait_until_loaded(browser)


def click(browser, element):
    """Click what a resident would click, brought into view first so the click lands on it."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


@contextmanager
def next_page(browser):
    """What the block does (a click, a key pressed) loads the next page: wait until it has."""
    html = browser.find_element(By.TAG_NAME, "html")
    yield
    wait(browser).until(page_replaced(html))
    wait_until_loaded(browser)


def click_and_wait(browser, element):
    """Click something that loads the next page, and wait until it has."""
    with next_page(browser):
        click(browser, element)


def sign_in_to_admin(browser, base_url, username, password):
    """Sign in through Wagtail's login form, as staff do, from a browser holding no session."""
    browser.delete_all_cookies()
    open_page(browser, base_url + "/admin/login/")
    browser.find_element(By.ID, "id_username").send_keys(username)
    browser.find_element(By.ID, "id_password").send_keys(password)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert "/admin/login/" not in browser.current_url, browser.find_element(By.TAG_NAME, "main").text[:500]


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def xpath_text(text):
    return f'"{text}"' if "'" in text else f"'{text}'"


def button(browser, text, within="main"):
    # Not the visually hidden copy of a submit button some forms put first, for the Enter key.
    visible = "not(contains(@class, 'govuk-visually-hidden'))"
    return browser.find_element(By.XPATH, f"//{within}//button[normalize-space()={xpath_text(text)}][{visible}]")


def link(browser, text, within="main"):
    return browser.find_element(By.XPATH, f"//{within}//a[normalize-space()={xpath_text(text)}]")


def label(browser, text):
    """The label with this text (an optional field's label ends in "(optional)")."""
    exact, optional = xpath_text(text), xpath_text(text + " (optional)")
    return browser.find_element(By.XPATH, f"//label[normalize-space()={exact} or normalize-space()={optional}]")


def field(browser, label_text):
    return browser.find_element(By.ID, label(browser, label_text).get_attribute("for"))
