"""Regions of DocContext: the place a mention belongs to, whether two mentions are in the same
region, the region a body belongs to (region_of) and the document's main region.
"""

from __future__ import annotations

import re
from collections import Counter

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Mention, Span

_REGION_PREFIX_RE = re.compile(r"^(.{1,10}?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区|镇|乡|街道))")


class RegionsMixin:
    """DocContext's regions (mixed into DocContext; uses its fields)."""

    def _place(self, m: Mention) -> str | None:
        if m.label == Label.REGION:
            return m.normalised or m.surface
        r = self.region_of(m)
        if r is not None:
            return r.normalised or r.surface
        reg = (m.attrs or {}).get("region")
        return reg if isinstance(reg, str) and reg else None

    def _other_place(self, a: Mention, b: Mention) -> bool:
        """Whether a and b are known to belong to different places (neither inside the other's name)."""
        pa, pb = self._place(a), self._place(b)
        if not pa or not pb or pa == pb:
            return False
        return not (pa.startswith(pb) or pb.startswith(pa) or pa.endswith(pb) or pb.endswith(pa))

    def _same_region(self, a: Mention, b: Mention) -> bool:
        """Whether b (a Region) is a's own region (a is b, or a body of b)."""
        if b.label != Label.REGION:
            return False
        kb = b.normalised or b.surface
        if a.label == Label.REGION:
            return (a.normalised or a.surface) == kb
        r = self.region_of(a)
        if r is not None and (r.normalised or r.surface) == kb:
            return True
        name = a.normalised or a.surface or ""
        short = kb[:-1] if len(kb) > 2 and kb[-1] in "省市县区" else kb
        return name.startswith(kb) or (len(short) >= 2 and name.startswith(short))

    def main_region(self) -> Mention | None:
        if not self._main_region:
            self._main_region.append(self._compute_main_region())
        return self._main_region[0]

    def _compute_main_region(self) -> Mention | None:
        """The region the document names most (the title counts three, the lead one more), or a
        region inside it that the title or lead names (see _specific_region)."""
        regions = [m for m in self.mentions if m.label == Label.REGION]
        if not regions:
            return None
        counts = self._region_counts(regions)
        best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        best_m = next((m for m in regions if (m.normalised or m.surface) == best), regions[0])
        return self._specific_region(regions, counts, best, best_m) or best_m

    def _region_counts(self, regions: list[Mention]) -> Counter[str]:
        """Mentions per region name, +3 for a name (or its first two characters) in the title,
        +1 for its first two characters in the first paragraph."""
        counts = Counter(m.normalised or m.surface for m in regions)
        title = self.doc.title or ""
        first_para = self.doc.text[: self.doc.paragraphs[0][1]] if self.doc.paragraphs else ""
        for name in list(counts):
            if name and (name in title or name[:2] in title):
                counts[name] += 3
            if name and name[:2] in first_para:
                counts[name] += 1
        return counts

    def _specific_region(self, regions: list[Mention], counts: Counter[str], best: str,
                         best_m: Mention) -> Mention | None:
        """A district/county article names its city too: the most specific region the title or
        lead names, when it lies inside the best one (None if none)."""
        head = (self.doc.title or "") + self.doc.text[:300]
        place = (best_m.attrs or {}).get("place")
        if place is None:
            return None
        for m in regions:
            name = m.normalised or m.surface
            if name != best and (m.attrs or {}).get("parent") == place and counts[name] >= 2 \
                    and (name in head or (len(name) > 2 and name[:-1] in head)):
                return m
        return None

    def region_of(self, m: Mention) -> Mention | None:
        """The Region whose body a regional agency is (武进区委 → 武进区, 泰州市人社局 → 泰州市)."""
        name = m.normalised or m.surface
        if name in self._region_of_cache:
            return self._region_of_cache[name]
        res = self._region_of(m, name)
        self._region_of_cache[name] = res
        return res

    def _region_of(self, m: Mention, name: str) -> Mention | None:
        if self._regions is None:
            self._regions = {}
            for x in self.mentions:
                if x.label == Label.REGION:
                    self._regions.setdefault(x.normalised or x.surface, x)
        regions = self._regions
        reg = m.attrs.get("region") if m.attrs else None
        if isinstance(reg, str) and reg in regions:
            return regions[reg]
        best = None
        for rn, x in regions.items():
            if rn and name.startswith(rn) and len(name) > len(rn) and (best is None or len(rn) > len(best[0])):
                best = (rn, x)
        if best is not None:
            return best[1]
        pm = _REGION_PREFIX_RE.match(name)
        if pm and len(pm.group(1)) >= 2 and len(name) > len(pm.group(1)):
            rn = pm.group(1)
            for xn, x in regions.items():
                if xn.startswith(rn) or rn.startswith(xn):
                    return x
            if not (isinstance(reg, str) and reg):
                return None
            # a derived Region mention inside the agency's name
            span = Span(m.span.start, m.span.start + min(len(rn), m.span.end - m.span.start), Label.REGION,
                        m.span.sentence, "outcomes", {})
            new = Mention(span=span, label=Label.REGION, surface=self.doc.text[span.start:span.end],
                          normalised=reg, attrs={"derived_from": name, "place": (m.attrs or {}).get("place", -1)})
            self.doc.mentions.append(new)
            regions[reg] = new
            return new
        return None
