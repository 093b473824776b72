"""Persons component: actors only.

Candidates are the tagger's PER spans and names written right after a position title
(…部长某某说, 党组书记、副主席某某); a candidate must start with a surname. Left out: bylines
(H1's "byline" layer, and names next to 记者/通讯员/摄/编辑/校对), symbolic figures
(…精神, …理论). Surname + title (任书记) becomes an alias of the person with that surname.

Each Person mention carries the titles written before it, parsed into (organisation, title)
pairs: `attrs["positions"]` = [(org_index, title)], `attrs["org"]` (first org index) and
`attrs["title"]` (all titles joined with 、); the indices point into doc.mentions and are
fixed by `finalise_indices` once all mention components ran (see awards.py). The organisation
Mention objects themselves are in `attrs["org_mentions"]`.

Titles written after the name (王某副市长, 省委李某书记) count too: the body is the organisation
written right before the name, else for 市长/县长/区长/省长 the people's government of the
context region (a derived Agency mention, attrs["implied"], named <region>人民政府); 县长王某
and 区委副书记、区长王某 give that government as well.

Package layout: lexicon (word lists from ingest/data/person_*.txt, title regexes, name tests),
candidates (where a name may be written), filters (candidates that are no actor), positions
((organisation, title) pairing rules), component (Persons, finalise_indices).
"""

from __future__ import annotations

from reformkg.ingest.extract.persons.component import Persons, finalise_indices
from reformkg.ingest.extract.persons.lexicon import ORG_LABELS, position_titles

# position titles after which a bare name is read (ingest/data/person_position_titles.txt)
POSITION_TITLES: tuple[str, ...] = position_titles()

__all__ = ["Persons", "finalise_indices", "ORG_LABELS", "POSITION_TITLES"]
