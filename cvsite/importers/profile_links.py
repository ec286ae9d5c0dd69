"""A profile's kind and address, from what other tools write: a URL (its host says the
kind), or a network's name and a user name or id (JSON Resume's profiles, RenderCV's
social_networks, al-folio's *_username keys). Kinds are cv_profiles' (config/profiles.py)."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

# Host (or the end of it) -> kind.
HOSTS = {
    "orcid.org": "orcid",
    "scholar.google.com": "google-scholar",
    "github.com": "github",
    "linkedin.com": "linkedin",
    "dblp.org": "dblp",
    "dblp.uni-trier.de": "dblp",
    "semanticscholar.org": "semantic-scholar",
    "researchgate.net": "researchgate",
    "bsky.app": "bluesky",
    "x.com": "x",
    "twitter.com": "x",
}
# A network's name as tools write it (compared ignoring case, spaces, hyphens) -> kind.
NETWORKS = {
    "orcid": "orcid", "googlescholar": "google-scholar", "scholar": "google-scholar",
    "github": "github", "linkedin": "linkedin", "dblp": "dblp",
    "semanticscholar": "semantic-scholar", "researchgate": "researchgate",
    "mastodon": "mastodon", "bluesky": "bluesky", "x": "x", "twitter": "x",
}  # fmt: skip
# Kind -> its address for a user name or id.
ADDRESSES = {
    "orcid": "https://orcid.org/{}",
    "google-scholar": "https://scholar.google.com/citations?user={}",
    "github": "https://github.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
    "dblp": "https://dblp.org/pid/{}",
    "semantic-scholar": "https://www.semanticscholar.org/author/{}",
    "researchgate": "https://www.researchgate.net/profile/{}",
    "bluesky": "https://bsky.app/profile/{}",
    "x": "https://x.com/{}",
}


def network_kind(network: str) -> str:
    """A network's name as a kind of cv_profiles; "" when it is not one."""
    return NETWORKS.get("".join(network.casefold().replace("-", "").split()), "")


def kind_of_url(url: str) -> str:
    host = (urlsplit(url).hostname or "").casefold().removeprefix("www.")
    for known, kind in HOSTS.items():
        if host == known or host.endswith("." + known):
            return kind
    return "mastodon" if "/@" in url else ""


def address(kind: str, user: str) -> str:
    """The profile's URL from a user name or id; a value that is a URL already is kept, a
    Mastodon handle (@ada@host) becomes https://host/@ada; "" when no address can be made."""
    user = user.strip()
    if user.startswith(("https://", "http://")):
        return user
    if kind == "mastodon":
        name, _, host = user.lstrip("@").partition("@")
        return f"https://{host}/@{name}" if name and host else ""
    if kind == "x":
        user = user.lstrip("@")
    template = ADDRESSES.get(kind)
    return template.format(quote(user, safe="/:?=&")) if template and user else ""
