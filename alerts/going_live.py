"""The one place where other apps hear that an alert has been published.

`alert_published` is sent once the publication is committed, with the alert's id (a receiver
queues background work with it, never sends in the request). The `following` app connects
here to email the followers of the affected places; alerts itself sends no email.

    from alerts.going_live import alert_published
    alert_published.connect(queue_alert_emails)   # def queue_alert_emails(sender, alert_id, **kwargs)

Sent at publication, not at the start: a scheduled alert is announced when staff publish it.
Republishing an edited alert sends it again (`first_publication` says which it is).
"""

from django.db import transaction
from django.dispatch import Signal

alert_published = Signal()  # kwargs: alert_id, first_publication


def announce(alert, first_publication):
    def send():
        alert_published.send(sender=type(alert), alert_id=alert.pk, first_publication=first_publication)

    transaction.on_commit(send)
