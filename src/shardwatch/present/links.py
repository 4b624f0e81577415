"""Which addresses from an article's metadata may become links.

An article's URL is whatever its source said (front matter, a JSON field, the page's own
markup), so it can be ``javascript:...`` or ``data:...``, which run when clicked. Only an
absolute ``http`` or ``https`` address with a host becomes a link anywhere (brief, dashboard);
anything else is shown as text.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

LINK_SCHEMES = ("http", "https")
# Characters a URL may keep as they are; the rest (spaces, quotes, angle brackets, backticks)
# are percent-encoded, so the link cannot end early in HTML or Markdown.
_KEEP = ":/?#[]@!$&'()*+,;=%~-._"


def link_url(url: object) -> str | None:
    """``url`` made safe to use as a link target, or None when it must stay text."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        # urlsplit drops leading control characters and spaces, and tabs and newlines inside,
        # as browsers do, so the scheme seen here is the one a browser would follow.
        parts = urlsplit(url.strip())
    except ValueError:  # an invalid IPv6 host and the like
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return quote(parts.geturl(), safe=_KEEP)
