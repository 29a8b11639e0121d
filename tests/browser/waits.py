"""Waiting for the browser to load the next page."""

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException


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
