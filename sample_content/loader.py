"""The real site plus the demo stories, pledges, consultations, fund, directory entries, volunteering, events and a past alert, as `make run` shows it."""

from home.loader import load_site

from .alerts import load_demo_alerts
from .consultations import load_demo_consultations
from .directory import load_demo_directory
from .events import load_demo_events
from .fund import load_demo_fund
from .pledges import load_demo_pledges
from .stories import load_demo_stories
from .volunteering import load_demo_volunteering


def load_sample_content():
    """Returns the home page. Safe to run again: it only adds what is missing."""
    home = load_site()
    # In dependency order: stories give evidence for pledges, consultations' outcomes link to pledges.
    load_demo_pledges(home)
    load_demo_stories(home)
    load_demo_consultations(home)
    # After stories and pledges: the fund's sample projects name a pledge and a story.
    load_demo_fund(home)
    # The register: entries of every type in the strategy's community-assets snapshot.
    load_demo_directory(home)
    load_demo_volunteering(home)
    # Last: events take their venues from the directory when its entries are there.
    load_demo_events(home)
    # One alert that has ended, for the staff listing; the demo site shows no banner.
    load_demo_alerts()
    return home
