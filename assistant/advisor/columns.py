"""The vocabulary of the school file: every column the advisor reads, with the names officials
write for it (Chinese and English, common variants), its unit and the units it can be converted
from, and the words that name levels, locations and totals rows.

This is the one place for those names. The standards files refer to the resource columns by their
``name`` (``school_column: equipment_value_yuan``); ``school_column`` below gives any column the
vocabulary does not list a bare entry that only its own name matches. Headers are compared after
``normalise_header`` (full-width forms folded, case, spaces, underscores and hyphens dropped), so
an alias is written once in its natural form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_COUNT_UNITS = {"人": 1.0, "名": 1.0, "个": 1.0, "位": 1.0, "count": 1.0, "number": 1.0,
                "persons": 1.0, "people": 1.0, "teachers": 1.0, "pupils": 1.0, "students": 1.0}
_AREA_UNITS = {"平方米": 1.0, "平米": 1.0, "m2": 1.0, "sqm": 1.0, "sq.m": 1.0,
               "squaremetres": 1.0, "squaremeters": 1.0, "万平方米": 10_000.0}
_MONEY_UNITS = {"元": 1.0, "yuan": 1.0, "rmb": 1.0, "cny": 1.0, "万元": 10_000.0,
                "10kyuan": 10_000.0, "tenthousandyuan": 10_000.0, "千元": 1_000.0,
                "thousandyuan": 1_000.0}


@dataclass(frozen=True)
class SchoolColumn:
    """One column of the school file: ``name`` is ours (the English file's header); a header
    matches when its text without the bracketed unit is ``name`` or one of ``aliases``."""

    name: str
    label_en: str
    label_zh: str
    kind: str                      # text | count | number
    unit_en: str = ""              # our unit, the one the indicator's values are computed in
    unit_zh: str = ""
    aliases: tuple[str, ...] = ()
    units: dict[str, float] = field(default_factory=dict)  # unit in a header -> factor to ours
    note_en: str = ""
    note_zh: str = ""
    example: object = None         # the template's illustrative value

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def unit(self, lang: str) -> str:
        return self.unit_zh if lang == "zh" else self.unit_en

    def note(self, lang: str) -> str:
        return self.note_zh if lang == "zh" else self.note_en

    def names(self) -> set[str]:
        """Every accepted header (normalised): our name, both labels and the aliases."""
        return {normalise_header(n) for n in (self.name, self.label_en, self.label_zh,
                                             *self.aliases)}

    def factor(self, unit: str | None) -> float | None:
        """Multiply the file's values by this to get ours; None for a unit we cannot convert.
        No unit in the header means ours."""
        if not unit:
            return 1.0
        if self.kind == "text":
            return 1.0  # brackets after a text column are notes ("学段（小学/初中）")
        key = normalise_header(unit)
        return {normalise_header(k): v for k, v in self.units.items()}.get(key)


COLUMNS: dict[str, SchoolColumn] = {c.name: c for c in (
    SchoolColumn(
        "school", "School", "学校名称", "text",
        aliases=("school name", "name", "学校", "校名", "学校（机构）名称", "学校名", "单位名称"),
        note_en="The school's name, as you want it shown in the diagnosis and the memo.",
        note_zh="学校名称，诊断结果和建议书中按此显示。"),
    SchoolColumn(
        "level", "Level", "学段", "text",
        aliases=("school level", "stage", "school type", "学校类型", "学段类别", "办学类型"),
        note_en="primary or junior (junior secondary); 小学 / 初中 are read too.",
        note_zh="小学或初中（也可写 primary / junior）。"),
    SchoolColumn(
        "location", "Location", "城乡", "text",
        aliases=("urban/rural", "urban or rural", "area type", "城乡类别", "城乡分类", "所在地",
                 "城乡属性", "学校所在地"),
        note_en="urban or rural; 城区 and 镇区 count as urban, 乡村 as rural.",
        note_zh="城区、镇区计为城镇，乡村计为乡村（也可写 urban / rural）。"),
    SchoolColumn(
        "pupils", "Pupils", "在校生数", "count", "pupils", "人",
        aliases=("enrolment", "enrollment", "students", "number of pupils", "number of students",
                 "学生数", "在校学生数", "在校生人数", "学生人数"),
        units=_COUNT_UNITS,
        note_en="Pupils enrolled (whole school). Schools under 50 pupils are left out of the "
                "2017 indicators.",
        note_zh="全校在校学生数。不足 50 人的教学点不纳入 2017 年指标计算。",
        example=860),
    SchoolColumn(
        "teachers_above_required_qualification", "Teachers above required qualification",
        "高于规定学历教师数", "count", "teachers", "人",
        aliases=("teachers with higher qualification", "teachers above the required qualification",
                 "高于规定学历的教师数", "高于规定学历专任教师数", "高学历教师数"),
        units=_COUNT_UNITS,
        note_en="Teachers whose qualification is above the statutory minimum (indicator R1, "
                "per 100 pupils).",
        note_zh="学历高于规定学历的教师人数（指标一，按每百名学生计）。",
        example=40),
    SchoolColumn(
        "key_teachers", "County-level-or-above key teachers", "县级及以上骨干教师数", "count",
        "teachers", "人",
        aliases=("key teachers", "backbone teachers", "骨干教师数", "县级以上骨干教师数",
                 "县级及以上骨干教师"),
        units=_COUNT_UNITS,
        note_en="Key teachers recognised at county level or above (R2, per 100 pupils).",
        note_zh="县级及以上骨干教师人数（指标二，按每百名学生计）。",
        example=9),
    SchoolColumn(
        "pe_arts_teachers", "PE and arts specialist teachers", "体育艺术专任教师数", "count",
        "teachers", "人",
        aliases=("pe and arts teachers", "pe, music and art teachers", "体育艺术教师数",
                 "体育、艺术专任教师数", "体育、艺术（美术、音乐）专任教师数", "体艺专任教师数",
                 "体育艺术（美术、音乐）专任教师数"),
        units=_COUNT_UNITS,
        note_en="Specialist PE, music and fine-arts teachers (R3, per 100 pupils).",
        note_zh="体育、艺术（美术、音乐）专任教师人数（指标三，按每百名学生计）。",
        example=8),
    SchoolColumn(
        "building_area_m2", "Teaching and auxiliary building area", "教学及辅助用房面积",
        "number", "m²", "平方米",
        aliases=("building area", "teaching building area", "teaching and auxiliary rooms area",
                 "教学及辅助用房", "教学辅助用房面积", "教学及教辅用房面积"),
        units=_AREA_UNITS,
        note_en="Floor area of teaching and auxiliary rooms (R4, per pupil), in m².",
        note_zh="教学及辅助用房建筑面积（指标四，生均），单位平方米。",
        example=4300),
    SchoolColumn(
        "sports_area_m2", "Sports ground and hall area", "体育运动场馆面积", "number",
        "m²", "平方米",
        aliases=("sports area", "sports ground area", "体育运动场（馆）面积", "体育场馆面积",
                 "运动场馆面积", "体育运动场地面积"),
        units=_AREA_UNITS,
        note_en="Area of sports grounds and halls (R5, per pupil), in m².",
        note_zh="体育运动场（馆）面积（指标五，生均），单位平方米。",
        example=7600),
    SchoolColumn(
        "equipment_value_yuan", "Teaching instrument and equipment value", "教学仪器设备值",
        "number", "yuan", "元",
        aliases=("equipment value", "teaching equipment value", "value of teaching equipment",
                 "教学仪器设备总值", "教学仪器设备资产值", "仪器设备值"),
        units=_MONEY_UNITS,
        note_en="Value of teaching instruments and equipment (R6, per pupil), in yuan; a header "
                "in 万元 (10,000 yuan) is converted.",
        note_zh="教学仪器设备资产值（指标六，生均），单位元；表头注明“万元”的按万元换算。",
        example=1_900_000),
    SchoolColumn(
        "multimedia_classrooms", "Networked multimedia classrooms", "网络多媒体教室数", "count",
        "classrooms", "间",
        aliases=("multimedia classrooms", "networked multimedia classrooms", "多媒体教室数",
                 "网络多媒体教室", "网络多媒体教室间数"),
        units={**_COUNT_UNITS, "间": 1.0, "室": 1.0, "classrooms": 1.0, "rooms": 1.0},
        note_en="Classrooms with networked multimedia equipment (R7, per 100 pupils).",
        note_zh="网络多媒体教室间数（指标七，按每百名学生计）。",
        example=20),
)}

# Columns every school file has besides the indicators' resource columns.
ID_COLUMNS = ("school", "level", "location", "pupils")

LEVEL_VALUES = {"primary": "primary", "小学": "primary", "primary school": "primary",
                "junior": "junior", "junior_secondary": "junior", "junior secondary": "junior",
                "junior secondary school": "junior", "junior high": "junior",
                "初中": "junior", "初级中学": "junior"}
LOCATION_VALUES = {"urban": "urban", "城区": "urban", "城镇": "urban", "镇区": "urban",
                   "城市": "urban", "县城": "urban", "县镇": "urban",
                   "rural": "rural", "乡村": "rural", "农村": "rural"}

# A row whose school name (or first cell) says one of these holds sums, not a school.
TOTAL_WORDS_ZH = ("合计", "小计", "总计", "共计")
TOTAL_WORDS_EN = ("total", "subtotal", "sub-total", "grand total", "sum")
# Lines under a table that say who filled it in or where the data come from.
NOTE_PREFIXES = ("注", "说明", "备注", "填表", "制表", "审核", "负责人", "数据来源", "note",
                 "source")
# The templates' illustrative row says this in its school name; it is skipped when read.
ILLUSTRATIVE_MARKERS = ("illustrative", "示例数据")

_BRACKETS = re.compile(r"[(\[【{〔]([^()\[\]【】{}〔〕]*)[)\]】}〕]")
_DROPPED = re.compile(r"[\s_\-–—·.*※:：'\"“”]")


def normalise_header(text: object) -> str:
    """Fold full-width forms (（）→ (), ㎡ → m2), case, spaces, underscores and hyphens."""
    folded = unicodedata.normalize("NFKC", str(text)).lstrip("\ufeff").lower()
    return _DROPPED.sub("", folded.replace("²", "2"))


def split_unit(header: object) -> tuple[str, str | None]:
    """``"教学仪器设备值（万元）"`` → ``("教学仪器设备值", "万元")``; ``"面积/平方米"`` too. Only a
    bracket at the end is a unit: ``"体育运动场（馆）面积"`` keeps its brackets. Both parts are
    returned as written (stripped, full-width forms folded)."""
    text = unicodedata.normalize("NFKC", str(header)).strip().lstrip("\ufeff")
    last = None
    for last in _BRACKETS.finditer(text):
        pass
    if last is not None and last.end() == len(text) and last.start() > 0:
        return text[:last.start()].strip(), last.group(1).strip()
    if "/" in text:
        head, _, tail = text.rpartition("/")
        if head.strip() and normalise_header(tail) in _ALL_UNITS:
            return head.strip(), tail.strip()
    return text, None


_ALL_UNITS = {normalise_header(u) for c in COLUMNS.values() for u in c.units}


def school_column(name: str) -> SchoolColumn:
    """The vocabulary entry of a column (a bare entry for a column it does not list)."""
    return COLUMNS.get(name) or SchoolColumn(name, name, name, "number")


def is_total_label(text: object) -> bool:
    folded = normalise_header(text)
    if not folded:
        return False
    if any(word in folded for word in TOTAL_WORDS_ZH):
        return True
    words = re.split(r"[^a-z]+", unicodedata.normalize("NFKC", str(text)).lower())
    return bool(words) and any(normalise_header(w) in {normalise_header(t) for t in TOTAL_WORDS_EN}
                               for w in words[:2] if w)


def is_note_label(text: object) -> bool:
    folded = normalise_header(text)
    return any(folded.startswith(p) for p in NOTE_PREFIXES)


def is_illustrative_label(text: object) -> bool:
    folded = normalise_header(text)
    return any(normalise_header(m) in folded for m in ILLUSTRATIVE_MARKERS)
