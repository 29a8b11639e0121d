from django import template

register = template.Library()


@register.inclusion_tag("core/includes/pagination.html")
def pagination(page, label, querystring="", anchor=""):
    """GOV.UK pagination for a page of a Django paginator: previous, next, and the numbered
    links (the first, last and neighbouring pages, gaps elided). `querystring` is what every
    link keeps (filters, a search), without `page`; `anchor` is where each link lands."""

    def href(number):
        return f"?{querystring + '&' if querystring else ''}page={number}{'#' + anchor if anchor else ''}"

    links = [
        {"number": number, "href": href(number), "current": number == page.number}
        if isinstance(number, int)
        else {"ellipsis": True}
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]
    return {
        "label": label,
        "links": links,
        "previous": href(page.previous_page_number()) if page.has_previous() else None,
        "next": href(page.next_page_number()) if page.has_next() else None,
        "shown": page.has_other_pages(),
    }
