"""Lexicons and gazetteers for extraction, built once per process (cached).

- The region gazetteer comes from the administrative-division data that `jionlp` ships
  (`dictionary/china_location.txt`: province / city / county with adcodes, towns below), read
  directly from the installed package (importing jionlp itself is slow and noisy).
- Generic lexicons (organisation heads, position titles, abbreviations, surnames) live in
  `reformkg/ingest/data/`; they hold no corpus names.
- Aho-Corasick automata (pyahocorasick) over them are built lazily and cached.
"""

from __future__ import annotations

import importlib.util
import zipfile
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from reformkg.graph.vocab import Label

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).with_name("data")

LEVEL_PROVINCE, LEVEL_CITY, LEVEL_COUNTY, LEVEL_DISTRICT, LEVEL_TOWN, LEVEL_ZONE = (
    "province", "city", "county", "district", "town", "zone")

ZONE_SUFFIXES = ("经济技术开发区", "高新技术产业开发区", "高新技术开发区", "开发区", "高新区", "经开区", "工业园区",
                 "产业园区", "科技园区", "园区", "示范区", "综保区", "综合保税区", "创新区", "产业园", "科技园",
                 "工业园", "新区", "实验区", "试验区", "自贸区", "科技城", "科学城", "保税区", "物流园")



def read_lines(name: str) -> list[str]:
    """The non-blank, non-comment lines of a data file in DATA_DIR, stripped."""
    out = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_tsv(name: str) -> list[list[str]]:
    """The rows of a tab-separated data file in DATA_DIR (comments and blank lines skipped)."""
    return [line.split("\t") for line in read_lines(name)]



@lru_cache(maxsize=1)
def generic_region_shorts() -> frozenset[str]:
    """Short forms of counties/districts that are ordinary words (新区, 城关): never used alone."""
    return frozenset(read_lines("region_generic_shorts.txt"))


# ---------------------------------------------------------------------------------------------
# region gazetteer


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    idx: int
    name: str            # full official name: 江苏省, 常州市, 武进区, 湖塘镇
    short: str           # short form (江苏, 常州, 武进); "" when none
    adcode: str          # "" for towns/zones (no code in the data)
    level: str
    parent: int          # index of the parent Place, -1 for provinces
    province: int        # index of the province (itself for a province)
    city: int            # index of the prefecture city (-1 for provinces)

    @property
    def key(self) -> str:
        """Identity key: the adcode, else the parent's code qualified by the name."""
        return self.adcode or f"{self.parent}:{self.name}"


def is_place(idx: int | None) -> bool:
    """Whether a `place` attr holds a gazetteer index (0 is one: -1 and None are not)."""
    return idx is not None and idx >= 0


@dataclass
class Gazetteer:
    places: list[Place] = field(default_factory=list)
    by_name: dict[str, list[int]] = field(default_factory=dict)    # full name -> places
    by_short: dict[str, list[int]] = field(default_factory=dict)   # short form -> places
    automaton: ahocorasick.Automaton | None = None                 # surface -> (surface, is_short)

    def get(self, idx: int) -> Place:
        return self.places[idx]

    def ancestors(self, idx: int) -> list[Place]:
        out = []
        p = self.places[idx].parent
        while p >= 0:
            out.append(self.places[p])
            p = self.places[p].parent
        return out

    def candidates(self, surface: str) -> list[int]:
        return self.by_name.get(surface) or self.by_short.get(surface) or []

    def is_within(self, idx: int, ancestor: int) -> bool:
        if idx == ancestor:
            return True
        return any(a.idx == ancestor for a in self.ancestors(idx))

    def choose(self, cands: list[int], context: list[int]) -> int:
        """Pick among ambiguous candidates using context places (document/paragraph regions):
        a candidate inside (or parent of) a context place wins; ties go to the higher level."""
        if len(cands) == 1:
            return cands[0]
        best, best_score = cands[0], -1
        for c in cands:
            score = 0
            for rank, ctx in enumerate(context):
                w = 1000 - rank
                if self.is_within(c, ctx):
                    score = max(score, w * 2)
                elif self.is_within(ctx, c):
                    score = max(score, w * 2)
                elif self.places[c].province == self.places[ctx].province:
                    score = max(score, w)
            # prefer higher administrative levels when nothing else decides
            score += {LEVEL_PROVINCE: 4, LEVEL_CITY: 3, LEVEL_COUNTY: 2, LEVEL_DISTRICT: 2}.get(self.places[c].level, 0)
            if score > best_score:
                best, best_score = c, score
        return best


def _jionlp_dictionary_dirs() -> list[Path]:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        return []
    return [Path(loc) / "dictionary" for loc in spec.submodule_search_locations]


def division_text(dirs: list[Path] | None = None) -> str:
    """jionlp's division file as text. jionlp ships it zipped (`china_location.zip`) and unzips it
    into its package on first use; read the unzipped file when present, else the zip member, and
    never write into site-packages."""
    for d in _jionlp_dictionary_dirs() if dirs is None else dirs:
        txt, packed = d / "china_location.txt", d / "china_location.zip"
        if txt.exists():
            return txt.read_bytes().decode("utf-8")
        if packed.exists():
            with zipfile.ZipFile(packed) as zf:
                return zf.read("china_location.txt").decode("utf-8")
    raise RuntimeError("jionlp's administrative-division data (dictionary/china_location.zip) was not "
                       "found: install the pinned jionlp (pip install -e .)")


def _county_level(name: str) -> str:
    if name.endswith("新区") and len(name) >= 4:
        return LEVEL_DISTRICT     # 浦东新区, 滨海新区: districts with a code, not parks
    if name.endswith(ZONE_SUFFIXES):
        return LEVEL_ZONE
    if name.endswith("区") and not name.endswith(("地区", "林区")):
        return LEVEL_DISTRICT
    return LEVEL_COUNTY


_TOWN_SUFFIXES = ("镇", "乡", "街道")
# a zone whose name is only these plus a zone suffix is generic (高新区, 经济开发区), not an entry
_GENERIC_ZONE_STARTS = ("经济", "高新", "工业", "国家", "省级", "市级", "开发")
_MAX_DEPTH = 3              # province, city, county, town: deeper lines are villages


def _town_level(name: str) -> str | None:
    """Level of an entry below a county: a named zone or a town; None for anything else (and
    for generic zone names)."""
    if name.endswith(ZONE_SUFFIXES):
        core = name
        for suf in sorted(ZONE_SUFFIXES, key=len, reverse=True):
            if core.endswith(suf):
                core = core[: -len(suf)]
                break
        if len(core) < 2 or core.startswith(_GENERIC_ZONE_STARTS):
            return None
        return LEVEL_ZONE
    if name.endswith(_TOWN_SUFFIXES):
        return LEVEL_TOWN
    return None


def _level_of(depth: int, name: str) -> str | None:
    """Level of a division line by its depth (None: not a gazetteer entry)."""
    if depth == 0:
        return LEVEL_PROVINCE
    if depth == 1:
        return LEVEL_CITY
    if depth == 2:
        return _county_level(name)
    return _town_level(name)


class _GazetteerBuilder:
    """Reads jionlp's division lines (tab depth = level) into a Gazetteer, tracking the open
    ancestors of the current line."""

    def __init__(self) -> None:
        self.gz = Gazetteer()
        self.stack: list[int] = [-1] * (_MAX_DEPTH + 1)
        self.province = -1
        self.city = -1

    def line(self, raw: str) -> None:
        """Add the place of one division line (blank, deeper and generic lines are skipped)."""
        if not raw.strip():
            return
        depth = len(raw) - len(raw.lstrip("\t"))
        if depth > _MAX_DEPTH:
            return
        cols = raw.strip().split("\t")
        name = cols[0].strip()
        adcode = cols[1].strip() if len(cols) > 1 else ""
        short = cols[2].strip() if len(cols) > 2 and depth < _MAX_DEPTH else ""
        parent = self.stack[depth - 1] if depth > 0 else -1
        level = _level_of(depth, name)
        if level is None:
            return
        # municipalities repeat themselves as their own city (上海市 / 上海市): keep one node
        if depth == 1 and parent >= 0 and self.gz.places[parent].name == name:
            self.stack[1] = parent
            self.city = parent
            return
        self._add(depth, name, adcode, short, level, parent)

    def _add(self, depth: int, name: str, adcode: str, short: str, level: str, parent: int) -> None:
        gz = self.gz
        idx = len(gz.places)
        if depth == 0:
            self.province = idx
            self.city = -1
        elif depth == 1:
            self.city = idx
        place = Place(idx, name, short if short != name else "", adcode, level, parent, self.province,
                      self.city if depth >= 1 else -1)
        gz.places.append(place)
        self.stack[depth] = idx
        for d in range(depth + 1, _MAX_DEPTH + 1):
            self.stack[d] = -1
        gz.by_name.setdefault(name, []).append(idx)
        if place.short and len(place.short) >= 2 and place.short not in generic_region_shorts() and depth <= 2:
            gz.by_short.setdefault(place.short, []).append(idx)


def _add_prefecture_names(gz: Gazetteer) -> None:
    """Autonomous prefectures and leagues are written short + 州/盟 (延边州, 凉山州): a name of
    its own (kept apart from the bare short form, which needs the tagger's say)."""
    for place in list(gz.places):
        if place.level == LEVEL_CITY and place.short and place.name.endswith("自治州"):
            alt = place.short + "州"
            if alt not in gz.by_name:
                gz.by_name.setdefault(alt, []).append(place.idx)


def _drop_shorts_that_are_names(gz: Gazetteer) -> None:
    """A short form that is also some place's full name is not a short form."""
    for s in list(gz.by_short):
        if s in gz.by_name:
            del gz.by_short[s]


def _automaton(gz: Gazetteer) -> ahocorasick.Automaton:
    """Full names (2+ characters) → (name, False) and short forms → (short, True)."""
    a = ahocorasick.Automaton()
    for name in gz.by_name:
        if len(name) >= 2:
            a.add_word(name, (name, False))
    for s in gz.by_short:
        if s not in gz.by_name:
            a.add_word(s, (s, True))
    a.make_automaton()
    return a


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The region gazetteer (provinces, cities, counties with adcodes; towns and listed zones)."""
    builder = _GazetteerBuilder()
    for raw in division_text().splitlines():
        builder.line(raw)
    gz = builder.gz
    _add_prefecture_names(gz)
    _drop_shorts_that_are_names(gz)
    gz.automaton = _automaton(gz)
    return gz


# ---------------------------------------------------------------------------------------------
# generic lexicons


@lru_cache(maxsize=1)
def org_heads() -> dict[str, str]:
    """Organisation head suffix -> ontology label."""
    return {row[0]: row[1] for row in read_tsv("org_heads.tsv")}


@lru_cache(maxsize=1)
def org_heads_sorted() -> tuple[str, ...]:
    return tuple(sorted(org_heads(), key=len, reverse=True))


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Position titles, longest first."""
    return tuple(sorted(set(read_lines("titles.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def title_automaton() -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for t in titles():
        a.add_word(t, t)
    a.make_automaton()
    return a


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Generic abbreviations of bodies -> full form (人社局 -> 人力资源和社会保障局)."""
    return {row[0]: row[1] for row in read_tsv("dept_abbrev.tsv") if len(row) > 1}


@lru_cache(maxsize=1)
def generic_names() -> frozenset[str]:
    """Words that name a kind of body (总工会, 企业, 公司 …): never an entity's name or alias."""
    return frozenset(read_lines("generic_names.txt"))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    chars = "".join(read_lines("surnames.txt"))
    return frozenset(chars)


@lru_cache(maxsize=1)
def compound_surnames() -> frozenset[str]:
    return frozenset(read_lines("compound_surnames.txt"))


_YOUTH_LEAGUE_RE = re.compile(r"共青团.|团[省市县区]委$")


def org_label_of(name: str) -> str | None:
    """Type an organisation name by its head (工会 anywhere -> Union)."""
    if name.endswith(("工会", "女职工委员会", "女工委")) or ("工会" in name and name.endswith(("联合会", "联合总会"))):
        return Label.UNION
    if _YOUTH_LEAGUE_RE.match(name):
        return Label.INSTITUTION      # 共青团X省委, 团市委: the Youth League's bodies (ANNOTATION: Institution)
    heads = org_heads()
    for n in _org_head_lengths():
        head = name[-n:]
        if len(name) >= n and head in heads:
            label = heads[head]
            # a union's own committees and offices are the union (工会女职工委员会, 工会办公室);
            # a leading or coordinating group it sets up is an agency (X总工会…工作领导小组)
            if "工会" in name and label == Label.AGENCY and not name.endswith(_GROUP_HEADS):
                return Label.UNION
            return label
    return None


_GROUP_HEADS = ("领导小组", "协调小组", "工作小组", "联席会议", "领导小组办公室")


@lru_cache(maxsize=1)
def _org_head_lengths() -> tuple[int, ...]:
    """The lengths of the organisation heads, longest first (the longest head a name ends with wins)."""
    return tuple(sorted({len(h) for h in org_heads()}, reverse=True))


@lru_cache(maxsize=1)
def _abbreviations_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(abbreviations().items(), key=lambda kv: -len(kv[0])))


def expand_abbreviation(name: str) -> str:
    """Expand a generic abbreviation at the end of a body name (泗洪县人社局 -> 泗洪县人力资源和社会保障局)."""
    for short, full in _abbreviations_longest_first():
        if name.endswith(full):
            continue
        if name == short:
            return name if full.startswith("人民政府") else full
        if name.endswith(short) and short != full and len(name) > len(short):
            prefix = name[: -len(short)]
            if full.startswith("人民政府") and prefix.endswith(("国务院", "政府")):
                full = full[len("人民政府"):]      # 国务院国资委: no 人民政府 inside
            return prefix + full
    return name


def warm() -> None:
    """Build every cached lexicon now (e.g. before timing)."""
    gazetteer()
    org_heads_sorted()
    title_automaton()
    abbreviations()
    surnames()
