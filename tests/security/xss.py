"""The XSS payload corpus and a parser-based check for markup a browser would run.

The check parses HTML the way a browser tokenises it (entities decoded, attribute names
lower-cased) and lists every construct that runs script or loads style: script and style
elements, event-handler attributes, style attributes, javascript:/vbscript:/data: URLs,
and the elements that embed or re-point documents. Stored rich text must have none.
A rendered page has the site's own (its script files, Wagtail's admin), so pages are
compared with the same page rendered from harmless text: the payload must add nothing.
"""

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from bs4 import BeautifulSoup

CORPUS = Path(__file__).with_name("xss_payloads.txt")
CODE_POINT = re.compile(r"%%U\+([0-9A-F]{4,6})%%")


def load_payloads():
    payloads = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        payloads.append(CODE_POINT.sub(lambda match: chr(int(match.group(1), 16)), line))
    return payloads


PAYLOADS = load_payloads()


def batches(payloads, max_length):
    """Payloads grouped so each group, joined by spaces, fits a field of max_length.

    One form submission then carries several payloads through every field: the corpus
    takes a third of the requests. A payload with a NUL goes alone: the form refuses it,
    and it must not take others with it.
    """
    groups, current = [], []
    for payload in payloads:
        if "\x00" in payload:
            groups.append([payload])
        elif current and len(" ".join([*current, payload])) > max_length:
            groups.append(current)
            current = [payload]
        else:
            current.append(payload)
    if current:
        groups.append(current)
    return groups


# Elements that run script, load style or other documents, or re-point the page's URLs.
ACTIVE_ELEMENTS = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "svg",
    "math",
    "animate",
    "set",
    "foreignobject",
}
# Attributes a browser follows as a URL (including SVG animation targets).
URL_ATTRIBUTES = {
    "href",
    "xlink:href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcdoc",
    "to",
    "from",
    "values",
    "content",
    "codebase",
    "lowsrc",
    "dynsrc",
}
# Links whose target the browser loads and applies.
LOADING_LINKS = {"stylesheet", "import", "preload", "modulepreload", "prefetch"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text", "data:application", "data:image/svg")
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ACTIVE_ELEMENTS:
            self.found.append(self.describe(tag, attributes))
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"{name} handler on <{tag}>")
            elif name == "style":
                self.found.append(f'style="{value}" on <{tag}>')
            elif name in URL_ATTRIBUTES:
                if name == "content" and attributes.get("http-equiv", "").lower() != "refresh":
                    continue  # a description or Open Graph text, not a URL
                url = URL_NOISE.sub("", value).lower()
                # meta refresh carries its URL after "0;url="
                url = url.split("url=", 1)[-1] if name == "content" else url
                if url.startswith(DANGEROUS_SCHEMES):
                    self.found.append(f"{url.split(':', 1)[0]}: URL in <{tag} {name}>")

    @staticmethod
    def describe(tag, attributes):
        """Enough of the element to tell the site's own (a script file, a stylesheet) from an injected one."""
        names = ["src", "type", "rel", "http-equiv", "data"]
        if tag != "link" or LOADING_LINKS & set((attributes.get("rel") or "").lower().split()):
            names.append("href")  # a canonical or alternate link's address is the page's own
        kept = [f"{name}={attributes[name]}" for name in names if attributes.get(name)]
        return f"<{' '.join([tag, *kept])}>"

    handle_startendtag = handle_starttag


def executable_markup(html):
    """Every construct in `html` that could run script or inject style, as readable strings."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def added_executable_markup(html, baseline_html):
    """What `html` has that the same page rendered from harmless text does not."""
    added = Counter(executable_markup(html)) - Counter(executable_markup(baseline_html))
    return sorted(added.elements())


def new_kinds_of_executable_markup(html, baseline_html):
    """For listings, whose rows repeat the site's own icons and scripts: only kinds the baseline lacks."""
    return sorted(set(executable_markup(html)) - set(executable_markup(baseline_html)))


def visible_text(html):
    """The text a reader sees (tags gone, entities decoded), whitespace collapsed."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def shown_as_typed(payload, html):
    """True when the page shows the payload's text literally, i.e. escaped, not parsed."""
    return " ".join(payload.split()) in visible_text(html)
