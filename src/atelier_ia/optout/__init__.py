"""Read a website's reservation of rights against text and data mining (TDM) and AI training.

Everything here works offline, on texts or local files that the learner gives or edits: a
``robots.txt``, a TDMRep file ``/.well-known/tdmrep.json``, HTTP response headers, an HTML
page's ``<meta>`` tags, an ``ai.txt`` file and a plain-language licence page. No function ever
touches the network.

Each reader returns a :class:`Signal`: what the file says, whether a program can read it
(« lisible par machine »), and the problems found. :func:`read_site` gathers all signals of a
site into a :class:`SiteReservation` (a table and a French explanation of what each signal
achieves in law). :func:`check_reservation` checks a learner's own TDMRep file and robots.txt
for a fictional museum.

One module per concept:

* :mod:`.crawlers`: the AI crawlers (data in ``data/droits/robots-ia.yml``) and :data:`CHECKED_ON`;
* :mod:`.signal`: the :class:`Signal` every reader returns;
* :mod:`.robots`: robots.txt and ai.txt; :mod:`.tdmrep`: TDMRep file, HTTP headers, HTML meta tags;
  :mod:`.licence`: a licence page in plain language;
* :mod:`.site`: a whole site and what the law says (wording in ``data/droits/reserve-droits.yml``);
* :mod:`.check`: checking a learner's own reservation.

References (state on :data:`CHECKED_ON`):
* TDMRep: W3C TDM Reservation Protocol Community Group, final report (second version
  2 February 2024, current version in the group's repository); a community specification,
  not a W3C Recommendation.
* robots.txt: IETF RFC 9309 (September 2022).
* AI crawlers: each operator's own documentation, listed in :data:`AI_CRAWLERS`.
"""

from __future__ import annotations

from .check import ReservationCheck, check_reservation
from .crawlers import AI_CRAWLERS, CHECKED_ON, CrawlerInfo, crawler_table
from .licence import read_licence_page
from .robots import read_ai_txt, read_robots_txt
from .signal import Signal
from .site import LEGAL_CONTEXT, SiteReservation, read_site
from .tdmrep import read_html_meta, read_http_headers, read_tdmrep_json

__all__ = [
    "AI_CRAWLERS",
    "CHECKED_ON",
    "LEGAL_CONTEXT",
    "CrawlerInfo",
    "ReservationCheck",
    "Signal",
    "SiteReservation",
    "check_reservation",
    "crawler_table",
    "read_ai_txt",
    "read_html_meta",
    "read_http_headers",
    "read_licence_page",
    "read_robots_txt",
    "read_site",
    "read_tdmrep_json",
]
