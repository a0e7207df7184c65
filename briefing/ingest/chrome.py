"""Site chrome removed from a page's HTML by its structure, before the main text is sought.

Government and think-tank report pages wrap a long body in menus, breadcrumbs, an in-page
table of contents, download and translation links and a "pick another country" form. The
text extractor keeps much of that when the body is long, so it is removed first, by form:

- elements that exist to navigate or to ask for input (``NAVIGATION_TAGS``, ``ROLES``);
- link lists: a block whose text is mostly the text of its links, with several links
  (a menu, a breadcrumb trail, a table of contents, a list of teasers);
- a heading that is nothing but one short link ("Download Report").

Nothing here knows any site's words or class names.
"""

from __future__ import annotations

from typing import Any

NAVIGATION_TAGS = ("nav", "form", "select", "button", "menu", "dialog", "noscript")
ROLES = ("navigation", "search", "menu", "menubar", "tablist", "dialog")
BLOCKS = ("div", "section", "ul", "ol", "dl", "table", "p", "span", "header", "aside", "footer")
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
LINK_SHARE = 0.7  # of a block's text inside links: a link list
MIN_LINKS = 2
TEASER_WORDS = 4  # a one-link paragraph this long names another page
SHORT_LINK_WORDS = 6  # a heading that is one link this short is a button, not a heading
MAX_BYTES = 5_000_000  # larger pages are left to the extractor as they are


def without_chrome(html: str) -> str:
    """``html`` with navigation, link lists and link-only headings taken out (see
    ``remove_chrome``), for a caller holding the page as text.

    Returns ``html`` unchanged when it cannot be parsed or is too large to parse quickly.
    """
    import lxml.html  # a dependency of trafilatura

    parsed = _parsed(html)
    if parsed is None:
        return html
    remove_chrome(parsed[0])
    return lxml.html.tostring(parsed[0], encoding="unicode")


def remove_chrome(root: Any) -> None:
    """Take navigation, link lists and link-only headings out of a parsed page, in place."""
    body = root.find("body")
    if body is None:
        return
    sizes = _text_sizes(body)
    for element in [e for e in body.iter() if isinstance(e.tag, str) and _is_chrome(e, sizes)]:
        if element.getparent() is not None and not _inside_removed(element):
            _drop(element)


def _parsed(html: str) -> tuple[Any, Any] | None:
    """The page's root and <body>, or None when it is too large, unparseable or bodiless."""
    import lxml.html

    if len(html) > MAX_BYTES:
        return None
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    body = root.find("body")
    return None if body is None else (root, body)


def _text_sizes(body: Any) -> dict[Any, tuple[int, int, int]]:
    """(characters, characters inside links, links) for every element, in one pass."""
    sizes: dict[Any, tuple[int, int, int]] = {}
    for element in reversed(list(body.iter())):
        own = len((element.text or "").strip())
        chars, linked, links = own, 0, 0
        for child in element:
            c, lk, n = sizes.get(child, (0, 0, 0))
            chars += c + len((child.tail or "").strip())
            linked, links = linked + lk, links + n
        if element.tag == "a":
            linked, links = chars, links + 1
        sizes[element] = (chars, linked, links)
    return sizes


def _is_chrome(element: Any, sizes: dict[Any, tuple[int, int, int]]) -> bool:
    if element.tag in NAVIGATION_TAGS or (element.get("role") or "").lower() in ROLES:
        return element.find(".//h1") is None  # never the headline's own container
    chars, linked, links = sizes.get(element, (0, 0, 0))
    if not chars:
        return False
    if element.tag in HEADINGS:
        return (
            links == 1
            and linked == chars
            and len(element.text_content().split()) <= (SHORT_LINK_WORDS)
        )
    if element.tag == "p" and links == 1 and linked / chars >= LINK_SHARE:
        # a paragraph that is one link and at most a label ("Read more: <a headline>"): a
        # teaser for another page inside the article
        return len(element.text_content().split()) >= TEASER_WORDS
    return (
        element.tag in BLOCKS
        and links >= MIN_LINKS
        and linked / chars >= LINK_SHARE
        and element.find(".//h1") is None
    )


def _inside_removed(element: Any) -> bool:
    return any(a.get("data-briefing-chrome") for a in element.iterancestors())


def _drop(element: Any) -> None:
    """Remove ``element`` but keep the text that follows it (its tail) in place."""
    element.set("data-briefing-chrome", "1")
    element.drop_tree()


LEAF_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")
CONTAINER_SHARE = 0.9  # of the page's paragraph text: the article's container holds this much
MIN_PARAGRAPH_TEXT = 2000  # characters in <p>s: below this, nothing to recover


def container_paragraphs(page: str | Any) -> list[str] | None:
    """The paragraphs of the page's article container, in order, or None.

    For pages whose extracted text came back as one run-on paragraph: the container is the
    innermost element holding nearly all of the page's <p> text, and its paragraphs are the
    innermost block elements (paragraphs, headings, list items) inside it. ``page`` is the
    HTML or its parsed tree, whose scripts and styles are taken out.
    """
    parsed = _parsed(page) if isinstance(page, str) else (page, page.find("body"))
    if parsed is None or parsed[1] is None:
        return None
    body = parsed[1]
    for junk in body.xpath(".//script | .//style | .//template"):
        junk.drop_tree()
    held: dict[Any, int] = {}
    total = 0
    for p in body.iter("p"):
        n = len(p.text_content().strip())
        total += n
        for ancestor in p.iterancestors():
            held[ancestor] = held.get(ancestor, 0) + n
    if total < MIN_PARAGRAPH_TEXT:
        return None
    holders = [e for e, n in held.items() if n >= CONTAINER_SHARE * total]
    container = max(holders, key=lambda e: sum(1 for _ in e.iterancestors()))
    out = []
    for element in container.iter(*LEAF_BLOCKS):
        if next(element.iterdescendants(*LEAF_BLOCKS), None) is not None:
            continue  # its inner blocks are paragraphs of their own
        text = " ".join(element.text_content().split())
        if text:
            out.append(text)
    return out
