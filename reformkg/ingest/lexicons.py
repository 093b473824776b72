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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).with_name("data")

LEVEL_PROVINCE, LEVEL_CITY, LEVEL_COUNTY, LEVEL_DISTRICT, LEVEL_TOWN, LEVEL_ZONE = (
    "province", "city", "county", "district", "town", "zone")

ZONE_SUFFIXES = ("经济技术开发区", "高新技术产业开发区", "高新技术开发区", "开发区", "高新区", "经开区", "工业园区",
                 "产业园区", "科技园区", "园区", "示范区", "综保区", "综合保税区", "创新区", "产业园", "科技园",
                 "工业园", "新区", "实验区", "试验区", "自贸区", "科技城", "科学城", "保税区", "物流园")

# short forms of counties/districts that are ordinary words: never used alone
_GENERIC_SHORT = frozenset("""新区 城区 郊区 矿区 市中 市辖 开发 高新 经开 东区 西区 南区 北区 中区 城中 城东 城西 城南
城北 江北 江南 河东 河西 港口 新城 平安 和平 永安 长安 新华 东风 朝阳 青山 白云 红旗 前进 胜利 解放 光明 新兴 向阳
中原 西安 东城 西城 铁东 铁西 海港 开平 宝山 普陀 南山 北山 东山 西山 城关 郊县 新市 大同 吉利 合作 东方
清河 龙华 长宁 永定 古城 龙湖 文化 安全 民主 团结 明光 富民 兴业 新乐 华容 宁远 安宁 长乐 兴安 东港 北海 高新区
林口 沙市 三河 河口 江口 湖口 海口 港北 港南 金山 资源 共青 建设 新建 和顺 平原
""".split())


def _read_lines(name: str) -> list[str]:
    out = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _read_tsv(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _read_lines(name)]


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


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The region gazetteer (provinces, cities, counties with adcodes; towns and listed zones)."""
    gz = Gazetteer()
    stack: list[int] = [-1, -1, -1, -1]
    province = city = -1
    for raw in division_text().splitlines():
        if not raw.strip():
            continue
        depth = len(raw) - len(raw.lstrip("\t"))
        if depth > 3:
            continue
        cols = raw.strip().split("\t")
        name = cols[0].strip()
        adcode = cols[1].strip() if len(cols) > 1 else ""
        short = cols[2].strip() if len(cols) > 2 else ""
        parent = stack[depth - 1] if depth > 0 else -1
        if depth == 0:
            level = LEVEL_PROVINCE
        elif depth == 1:
            level = LEVEL_CITY
        elif depth == 2:
            level = _county_level(name)
        else:
            if name.endswith(ZONE_SUFFIXES):
                core = name
                for suf in sorted(ZONE_SUFFIXES, key=len, reverse=True):
                    if core.endswith(suf):
                        core = core[: -len(suf)]
                        break
                if len(core) < 2 or core.startswith(("经济", "高新", "工业", "国家", "省级", "市级", "开发")):
                    continue      # a generic name (高新区, 经济开发区): not a gazetteer entry
                level = LEVEL_ZONE
            elif name.endswith(("镇", "乡", "街道")):
                level = LEVEL_TOWN
            else:
                continue
            short = ""
        # municipalities repeat themselves as their own city (上海市 / 上海市): keep one node
        if depth == 1 and parent >= 0 and gz.places[parent].name == name:
            stack[1] = parent
            city = parent
            continue
        idx = len(gz.places)
        if depth == 0:
            province = idx
            city = -1
        elif depth == 1:
            city = idx
        place = Place(idx, name, short if short != name else "", adcode, level, parent, province,
                      city if depth >= 1 else -1)
        gz.places.append(place)
        stack[depth] = idx
        for d in range(depth + 1, 4):
            stack[d] = -1
        gz.by_name.setdefault(name, []).append(idx)
        if place.short and len(place.short) >= 2 and place.short not in _GENERIC_SHORT and depth <= 2:
            gz.by_short.setdefault(place.short, []).append(idx)
    # autonomous prefectures and leagues are written short + 州/盟 (延边州, 凉山州): a name of
    # its own (kept apart from the bare short form, which needs the tagger's say)
    for place in list(gz.places):
        if place.level == LEVEL_CITY and place.short and place.name.endswith("自治州"):
            alt = place.short + "州"
            if alt not in gz.by_name:
                gz.by_name.setdefault(alt, []).append(place.idx)
    # a short form that is also some place's full name is not a short form
    for s in list(gz.by_short):
        if s in gz.by_name:
            del gz.by_short[s]
    a = ahocorasick.Automaton()
    for name in gz.by_name:
        if len(name) >= 2:
            a.add_word(name, (name, False))
    for s in gz.by_short:
        if s not in gz.by_name:
            a.add_word(s, (s, True))
    a.make_automaton()
    gz.automaton = a
    return gz


# ---------------------------------------------------------------------------------------------
# generic lexicons


@lru_cache(maxsize=1)
def org_heads() -> dict[str, str]:
    """Organisation head suffix -> ontology label."""
    return {row[0]: row[1] for row in _read_tsv("org_heads.tsv")}


@lru_cache(maxsize=1)
def org_heads_sorted() -> tuple[str, ...]:
    return tuple(sorted(org_heads(), key=len, reverse=True))


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Position titles, longest first."""
    return tuple(sorted(set(_read_lines("titles.txt")), key=len, reverse=True))


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
    return {row[0]: row[1] for row in _read_tsv("dept_abbrev.tsv") if len(row) > 1}


@lru_cache(maxsize=1)
def generic_names() -> frozenset[str]:
    """Words that name a kind of body (总工会, 企业, 公司 …): never an entity's name or alias."""
    return frozenset(_read_lines("generic_names.txt"))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    chars = "".join(_read_lines("surnames.txt"))
    return frozenset(chars)


@lru_cache(maxsize=1)
def compound_surnames() -> frozenset[str]:
    return frozenset(_read_lines("compound_surnames.txt"))


def org_label_of(name: str) -> str | None:
    """Type an organisation name by its head (工会 anywhere -> Union)."""
    if name.endswith(("工会", "女职工委员会", "女工委")) or ("工会" in name and name.endswith(("联合会", "联合总会"))):
        return "Union"
    for head in org_heads_sorted():
        if name.endswith(head):
            label = org_heads()[head]
            # a union's own committees and offices are the union (工会女职工委员会, 工会办公室);
            # a leading or coordinating group it sets up is an agency (X总工会…工作领导小组)
            if "工会" in name and label == "Agency" and not name.endswith(_GROUP_HEADS):
                return "Union"
            return label
    return None


_GROUP_HEADS = ("领导小组", "协调小组", "工作小组", "联席会议", "领导小组办公室")


def expand_abbreviation(name: str) -> str:
    """Expand a generic abbreviation at the end of a body name (泗洪县人社局 -> 泗洪县人力资源和社会保障局)."""
    for short, full in sorted(abbreviations().items(), key=lambda kv: -len(kv[0])):
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
