"""Publishing a few fields of a live page without publishing, or losing, a member of staff's draft."""


def publish_live_with(page, *, user=None, log_action=False, **fields):
    """Publish `page` (the live version, as loaded) with `fields` set.

    A draft someone is still working on is not published: it stays the latest revision, with
    the same fields set in it too, so publishing it later does not undo these. `log_action`
    puts the publication in the page's history (a caller that logs its own action says False).
    """
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else None
    for version in filter(None, (page, draft)):
        for name, value in fields.items():
            setattr(version, name, value)
    page.save_revision(user=user, log_action=log_action).publish(log_action=log_action)
    if draft is not None:
        draft.save_revision(user=user, log_action=False)
    return page
