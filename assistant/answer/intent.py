"""What a question asks: its kind (look-up, who is responsible, definition, explain, compare,
suggest measures, a case) and its subject (actor, responsibility area, problems, cases named).

Deterministic: cue patterns in English and Chinese, the glossary, and the names of the corpus's
cases. ``tests/answer/test_intent.py`` checks it against the kinds of the development set.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.answer import compare

KINDS = ("lookup", "responsible", "definition", "explain", "compare", "suggest", "case")

_SUGGEST = re.compile(
    r"\b(what (should|can|could|must) (\w+ ){0,4}?(do|check|consider|prioriti[sz]e|focus on|"
    r"watch|look at|change)\b|"
    r"how (can|could|should|do|might) (\w+ ){0,3}?(we|they|count(y|ies)|districts?|"
    r"governments?|bureaus?|schools|provinces?|cit(y|ies))\b"
    # "how do they differ / compare" asks for a comparison, not for what to do
    r"(?!\s+(?:differ|compare|relate|contrast)\b)|"
    r"how to\b|what (measures|actions|options|policies|tools)|which measures|"
    r"what steps(?!.{0,40}\b(go through|involved|in the process|does|do|did|are)\b)|"
    r"measures (for|to|against|that)|suggest|recommend|ways to|what works|what can be done|"
    r"what (has|have) (other )?(counties|places|districts|provinces) (done|used|tried)|"
    r"(counties|places|districts) (have )?used|fix|tackle|improve|reduce|retain|keep good|"
    # "Should we close them?" (a yes/no question of its own) asks for advice on a course of
    # action; "what rule should the county apply" asks for the rule
    r"(?:^|(?<=[.?!;] ))should (we|i|our (county|district|city|bureau|government)|the county|"
    r"a county) (still |now |really )?(?!be\b)\w+)\b|"
    r"(?:我县|我们县|我们区|我区|本县|我市|我们|县里|区里|县政府|县级政府|一个县).{0,40}(?:要不要|该不该|应不应该|是否应该|是不是应该|应该不应该)|"
    # "怎么达到要求 / 如何达标" said by the asker of its own county: how to get there, not what the rule is
    r"(?:我县|我们县|我们区|我区|本县|我市|我们)(?:(?!什么|多少|哪).){0,40}(?:怎样|如何|怎么)(?:才能)?(?:达到|达标|符合)|"
    r"怎么办|(?:怎样|如何|怎么)(?:才能|解决|改善|改进|提高|应对|留住|留|推进|做(?!的)|办|降|减少|缓解|吸引|"
    r"保障|补|消除|化解|破解|扩大|加强|避免|防止|整改)|整改|措施|建议|对策|(?<!评估)(?<!管理)(?<!实施)(?<!暂行)(?<!考核)(?<!认定)(?<!试行)办法|应该(?:怎么|怎样|如何)|该怎么|可以做|能做些什么|能做什么|能怎么做|"
    r"有哪些做法|做法有哪些|(?:优先|首先|先|应该|应当|该)做(?:什么|哪些)|(?:需要|要|应该?)注意(?:什么|哪些)|(?:怎样|如何|怎么)(?:筹|督促)|"
    r"(?:其他地方|别的地方|外地|其他县|兄弟县)(?:是)?(?:怎么|如何|怎样)做",
    re.IGNORECASE)
_EXPLAIN = re.compile(
    r"\b(why|explain|what (causes|caused|drives|drove|explains|lies behind)|reasons? (for|why)|"
    r"causes? of|how (does|did|do|has|have) .{3,80} (affect|lead|cause|shape|widen|narrow|"
    r"contribut|influenc|produc|creat|drive|matter|put pressure|press(ure)?|push|force|"
    r"(change|shift)(ed)? (who|how|what|where|the way)|"
    r"motivat|incentiv|hold .{0,20} accountable)|what (is|was|are) the (effect|impact|"
    r"consequence|logic|rationale|mechanism)|what role|walk (me|us) through|"
    r"(what|which) (stages|steps|phases)|how (did|has|have) .{3,60} (develop|evolv)\w*|"
    r"theor(y|ies)|how come|how (does|do|is|are|did) .{3,60} (work|calculated|computed|measured|"
    r"determined|shared|split|allocated|decided|go|proceed|unfold|make .{3,30} follow)|"
    r"what is the (process|procedure) (for|of)|from .{3,40} to .{3,40} recognition|"
    # "how does a county's CV show …", "how does the scheme get graduates into …": how a thing
    # does what it is for (not "how do we …", which asks what to do)
    r"how (does|do) (?!(we|i|you|they|our)\b)[\w'’-]+( [\w'’-]+){0,6}? (show|get|tell|ensure|"
    r"keep|bring|attract|reward|stop|prevent|protect|reach|turn|decide|reflect|indicate|follow)s?|"
    r"what (harm|damage|consequences) did)\b|"
    r"为什么|为何|原因|成因|根源|怎么会|导致|影响.{0,4}(是什么|如何|有哪些)|机制|作用是什么|何以|"
    r"一步步|经历了.{0,4}阶段|哪些阶段|演变|发展历程|理论|(?:如何|怎样|怎么)(?:促使|倒逼|约束|激励|"
    r"给.{1,12}压力)|靠什么(?:促使|推动|约束)|(?:如何|怎样|怎么)(?:运作|运行|起作用|发挥作用|计算|分担)|"
    r"是(?:怎么|如何|怎样)(?:算|计算|分担|运作|造成|形成|评估|认定|来|进行|开展|发放|拨付|分配|核定|确定|"
    r"选拔|招聘|审核)的|怎么造成|怎么形成|"
    r"经过(?:哪些|什么)(?:程序|步骤|环节|流程)|(?:认定|评估|申报|验收)的?(?:程序|流程)(?:是|有)",
    re.IGNORECASE)
# A why-question asks for causes: "why do rural schools struggle to keep good teachers" names a
# problem a measure could address ("keep good", "improve"), but asks why it happens. It asks for
# measures only when it also asks what to do ("why, and what should we do", "为什么…该怎么办").
_WHY = re.compile(r"^\W*(why|how come)\b|为什么|为何|怎么会|何以", re.IGNORECASE)
_ASKS_ACTION = re.compile(
    r"\b(what (should|can|could|must) (\w+ ){0,4}?(do|change|prioriti[sz]e)\b|"
    r"how (can|could|should|might) (\w+ ){0,3}?(we|they|count(y|ies)|districts?|governments?|"
    r"bureaus?|schools|provinces?)\b|what (measures|actions|options|steps)|which measures|"
    r"what can be done|what works)|"
    r"怎么办|应该怎么|该怎么|(?:怎样|如何|怎么)(?:才能|解决|改善|应对|破解|化解)|措施|建议|对策|(?<!评估)(?<!管理)(?<!实施)(?<!暂行)(?<!考核)(?<!认定)(?<!试行)办法|"
    r"(?:优先|首先|先|应该|应当|该)做(?:什么|哪些)|能做些什么|可以做",
    re.IGNORECASE)


# "what must the county budget do for weak schools?", "省级政府应当做什么？", "县财政须做什么？":
# what a named actor's duty requires is a duty question. A request for measures asks what we or
# our county *should* do ("what should the county do", "我县应该怎么办"): "must", "shall", 须,
# 必须, 应当 say a duty, "should"/应该 advice, and an asker speaking of itself wants measures.
_DUTY_OF_NAMED = re.compile(
    r"\bwhat (?:must|shall) (?!we\b|i\b|you\b|us\b|our\b)(?:[\w'’-]+ ){1,5}?do\b|"
    r"(?:须|必须|应当)(?:要)?(?:做|怎么做|怎样做|如何做|做些)(?:什么|哪些)?", re.IGNORECASE)
_ASKER_ITSELF = re.compile(r"\b(?:we|our|us|i)\b|我们|我县|我区|我市|本县|本区|咱们|咱县",
                           re.IGNORECASE)


def asks_named_duty(question: str) -> bool:
    """Whether a question asks what a named actor must do (its duty), not what we should do."""
    return bool(_DUTY_OF_NAMED.search(question)) and not _ASKER_ITSELF.search(question)


def asks_why_only(question: str) -> bool:
    """A why-question that does not also ask what to do: explain, even when it names a problem
    in words a measure uses ("struggle to keep good teachers", "为什么留不住")."""
    return bool(_WHY.search(question)) and not _ASKS_ACTION.search(question)


_RESPONSIBLE = re.compile(
    r"\b(who (is|are) responsible|who (must|should|has to|pays|funds|decides|manages|"
    r"employs|appoints|is in charge|supervises|evaluates|inspects|assesses|recogni[sz]es|"
    r"approves|certifies|carries out|conducts|sets|determines|fixes|sanctions|pursues)|whose (duty|job|"
    r"responsibility)|responsibilit(y|ies) (of|for)|dut(y|ies) (of|for|to)|obligations? (of|to)|"
    r"what (must|should|does|do) (the |an? |our )?(county|provincial|central|township|city|municipal|local)?"
    r"\s*(governments?|education bureaus?|bureaus?|finance bureaus?|schools?|state council|"
    r"province|provinces|counties|county|townships?)\s+(?:(?:have|has|need|needs) to\s+)?"
    r"(do|provide|ensure|pay|guarantee)|"
    r"(is|are) .{2,40} (required|obliged) to|who (holds|hold) .{1,40} (accountable|responsible|liable)|who (is|are) (held )?(accountable|liable)|who (punishes|sanctions|penalis\w*|disciplines)|role of (the )?(county|provinc|central|township)|"
    r"(require|oblige|expect|ask)s? .{0,40}(governments?|bureaus?|counties|schools|provinces|"
    r"townships) to)\b|"
    r"\bwhich (level|tier)s?\b|"
    r"谁负责|由谁|职责|责任|义务(?!教育)|应当(承担|履行|做)|负有|谁来|哪一级|哪级政府|主体是谁",
    re.IGNORECASE)
# "What does the law require …" reads like a definition question but asks for duties.
_RESPONSIBLE_ASK = re.compile(r"\b(require|oblige|must|should|responsib|dut(y|ies)|(have|has|need|needs) to)|"
                              r"职责|责任|义务(?!教育)|"
                              r"应当|要求", re.IGNORECASE)
_DEFINITION = re.compile(
    r"^\s*(what (is|are|does) (meant by |the meaning of |a |an |the )?|define |meaning of |"
    r"what does .{2,40} mean)|\bstand for\b|是什么意思|什么是|指什么|的含义|何谓|是指什么|的定义|"
    r"是什么\s*[?？]?$", re.IGNORECASE)
_COMPARE_CUE = re.compile(r"differ|compar|versus|vs\.?|stricter|same (as|thing)|which approach|"
                          r"\bor\b.{3,80}\bwhich\b|区别|差异(?!系数)|不同|异同|比较|对比|一回事|高在哪|"
                          r"不一样|各是|各有|各自|分别是|"
                          # how two things are related: what they share and where they differ
                          r"有(什么|何|哪些)?(联系|关系)|是(什么|何种|怎样的?)(联系|关系)|之间的?(联系|关系)",
                          re.IGNORECASE)
_WHO = re.compile(r"\bwho(se|m)?\b|which (level|government|department|body|authority)|谁|"
                  r"哪一?级|由哪|哪个部门", re.IGNORECASE)
# A question after a date or a figure is a look-up, whatever else it names.
_LOOKUP = re.compile(r"^\s*(when|in what year|since when|by when|by (what|which) (year|date)|"
                     r"in which year|how many|how much|how long|"
                     r"what (year|date|share|percentage|number)|"
                     r"what is the (minimum |maximum |required |lowest |highest )?(share|percentage|"
                     r"number|rate|ratio|amount|limit|threshold|deadline|document number)|"
                     # "what is the per-pupil benchmark for small schools?": the figure for a case
                     r"what is the [\w\s-]{0,40}?\b(benchmark|standard|figure|quota|subsidy) for|"
                     r"which (article|law|document|regulation)|"
                     r"(is|are) there (?!.*\b(differen|distinction))(a|an|any)\b)\b|(哪一?年|何时|什么时候|多少|"
                     # 好几年, 十几年, 这几年 say "several", they ask no count
                     r"(?<![好十这那近前头最])几(年|个(?!方面)|所|次)|哪一?条|第几条|哪个文件|文号)",
                     re.IGNORECASE)
_CASE = re.compile(r"\b(case|did|happened|experience|model|thesis|study|studied|example)\b|"
                   r"案例|做法|经验|怎么做的|论文|模式|做了(什么|哪些)|采取了|怎么做|"
                   # what a named place met or came to: its record ("遇到了什么问题", "取得了哪些成效")
                   r"\b(ran|run|runs) into|\bencounter\w*|\bfac(ed|ing)\b|\bachiev\w*|\blessons?\b|"
                   r"遇到|碰到|面临|取得|(什么|哪些)(问题|困难|挑战|成效|效果|成果|教训)", re.IGNORECASE)

# A named case's results asked for beside how it works: the case record (measures, then results).
_CASE_RESULTS = re.compile(r"\b(results?|outcomes?|achiev\w*|effects? (has|have|did) it|how well)\b|"
                           r"效果|成效|成果|成绩如何|取得了", re.IGNORECASE)

# Actors a question may ask about: the cue, then the actors in corpus/README.md's vocabulary.
_ACTOR_CUES: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = (
    (re.compile(r"county (education )?bureau|education bureau|教育局|县级教育行政部门|教育行政部门",
                re.IGNORECASE), ("county-education-bureau", "county-government")),
    (re.compile(r"finance (bureau|department)|财政局|财政部门", re.IGNORECASE),
     ("county-finance-bureau", "county-government")),
    (re.compile(r"township|乡镇|乡级", re.IGNORECASE), ("township-government",)),
    (re.compile(r"provinc|省级|省政府|省级人民政府|省教育厅|省教委|省财政厅|省里|省一级|"
                r"(?<=[、，：])省(?=[、，还或和])", re.IGNORECASE),
     ("provincial-government",)),
    (re.compile(r"\b(city|municipal|prefecture)|市级|地市", re.IGNORECASE), ("municipal-government",)),
    (re.compile(r"central|(?<!town )(?<!city )\bcent(re|er)\b|state council|ministr|national government|国务院|中央|教育部|国家",
                re.IGNORECASE), ("central-government", "central-ministries")),
    (re.compile(r"supervision|inspect|督导", re.IGNORECASE), ("supervision-office",)),
    (re.compile(r"count(y|ies)|district government|县级|县政府|县区|区县|县", re.IGNORECASE),
     ("county-government", "county-education-bureau", "county-finance-bureau")),
    (re.compile(r"\bschools?\b(?! (layout|places|buildings|land|sites))|学校(?!布局|用地)", re.IGNORECASE),
     ("school",)),
)
_AREA_CUES: tuple[tuple[str, re.Pattern], ...] = (
    ("teachers", re.compile(r"teacher|principal|staff|rotation|salar|pay\b|wage|教师|校长|交流|"
                            r"轮岗|工资|编制", re.IGNORECASE)),
    ("funding", re.compile(r"fund|financ|budget|money|spend|expenditure|cost|\bpays\b|\bpaid\b|"
                           r"经费|财政|投入|拨款|预算|资金|的钱|出钱", re.IGNORECASE)),
    ("facilities", re.compile(r"facilit|building|equipment|standardi[sz]|weak schools?|"
                              r"办学条件|校舍|设备|标准化|薄弱学校", re.IGNORECASE)),
    ("planning", re.compile(r"layout|plan|site|consolidat|class size|large class|布局|规划|"
                            r"撤并|大班额", re.IGNORECASE)),
    ("admission-equity", re.compile(r"migrant|left-behind|admission|enrol|disab|随迁|留守|"
                                    r"入学|招生|残疾", re.IGNORECASE)),
    ("quality-digital", re.compile(r"digital|internet|online|classroom|quality of teaching|"
                                   r"信息化|三个课堂|网络|质量", re.IGNORECASE)),
    ("supervision-accountability", re.compile(r"supervis|inspect|evaluat|accountab|assess|"
                                              r"督导|评估|问责|考核", re.IGNORECASE)),
)
# Problems a "what should we do" question names: the advisor's problem flags and indicators.
PROBLEM_CUES: dict[str, re.Pattern] = {
    "large_classes": re.compile(r"large class|class size|crowded class|大班额|班额|"
                                r"\d{2,3} (or more )?(pupils|students|children) (per|in a|in each|a) class|"
                                r"classes (of |above |over )(over |more than |above )?\d{2,3}|每班\d{2,3}|一个班\d{2,3}|"
                                r"(每|一个)班\w{0,2}[五六七八九]十[一二三四五六七八九]{0,2}(多|几)?个?人|"
                                r"\bclass(es)?\b.{0,40}?\b(have|has|hold|holds|with|are|is) (over |more than |"
                                r"above |about |up to )?"
                                r"\d{2,3} (or more )?(pupils|students|children)|"
                                r"(班级|每个班|每班)(人数)?.{0,4}(超过|达到|多于|在|有)\d{2,3}多?(人|名|个学生)|"
                                r"\bclass(es)?\b.{0,40}?\b(average|averaging|exceed|exceeding|"
                                r"reach|reaching) (over |more than |about )?\d{2,3}\b",
                                re.IGNORECASE),
    "super_large_classes": re.compile(r"super-?large class|超大班额", re.IGNORECASE),
    "teacher_pay_below_civil_servants": re.compile(r"\bpay\b(?! for)|salar|wage|income|工资|待遇|收入",
                                                   re.IGNORECASE),
    "low_rotation": re.compile(r"rotat|exchange of teachers|teacher exchange|move between schools|"
                               r"\b(led|run|headed|stayed|served|taught|been) (at |in )?the same "
                               r"schools?|交流|轮岗|县管校聘|同一所?学校.{0,6}(干了|任职|工作|待了|当了)",
                               re.IGNORECASE),
    "rural_teacher_shortage": re.compile(
        r"(rural|village|remote).{0,30}teacher|teacher.{0,30}(rural|village|remote|leave|"
        r"shortage|retain|keep)|keep good teachers|retain|shortage of teachers|"
        r"\b(keep|keeping|hold on to|lose|losing) (our |the |good |young |new )?teachers\b(?!')|"
        r"teachers (leave|quit|(won't|will not|don't|do not) stay)|乡村教师|农村教师|"
        # "have no full-time English teacher", "lack qualified music teachers": a subject shortage
        r"\b(no|lack|lacks|lacking|without|short of) (a )?(full[- ]time |qualified |specialist |"
        r"trained )?(English|music|art|PE|IT|science|maths?|subject) teachers?\b|"
        r"留住|留不住|师资短缺|缺教师|教师短缺|招不来|(教师|老师).{0,6}(流失|外流)|"
        r"(教师|老师)(严重|十分|非常|比较|很)?(不足|短缺|紧缺|缺乏|不够)", re.IGNORECASE),
    "small_schools_underfunded": re.compile(r"small(-scale)? (rural )?schools?|teaching points?|"
                                            r"(under|fewer than|less than) \d+ (pupils|students)|"
                                            r"小规模学校|教学点|不足\d+人", re.IGNORECASE),
    "boarding_conditions": re.compile(r"boarding|(?<!teachers' )(?<!teacher )(?<!staff )dormitor(y|ies)(?! (staff|supervisors?|wardens?|attendants?))|寄宿|"
                                     r"(?<!周转)(?<!教师)(?<!教工)宿舍", re.IGNORECASE),
    "left_behind_children": re.compile(r"left-behind|留守", re.IGNORECASE),
    "migrant_children_access": re.compile(r"migrant|随迁|进城务工|流动人口|流动儿童", re.IGNORECASE),
    "low_rural_funding_share": re.compile(r"fund|budget|money|spend|financ|\bpay for\b|经费|投入|"
                                          r"财政|拨款|筹钱|\b(get|gets|receive|receives) .{0,15}"
                                          r"\b(less|more) per[- ]pupil|生均(公用)?(经费|拨款|支出)",
                                          re.IGNORECASE),
    "digital_gap": re.compile(r"digital|internet|online|multimedia|broadband|three classrooms|"
                              r"(?:online|digital|cloud|education) platform|"
                              r"信息化|三个课堂|网络|多媒体|专递课堂|云平台|教育平台", re.IGNORECASE),
    "high_cv": re.compile(r"coefficient of variation|\bcv\b|gaps? between schools|"
                          r"between-school|差异系数|校际差距|校际差异", re.IGNORECASE),
    "schools_below_standard": re.compile(r"below (the )?standard|weak schools?|"
                                         r"substandard|facilities|equipment|labs?\b|building|"
                                         r"薄弱学校|不达标|未达标|办学条件|设备|校舍", re.IGNORECASE),
    # "town schools" alone is not crowding: "village schools get less than town schools"
    "urban_crowding": re.compile(r"crowd|overcrowd|(town|urban|city) schools?.{0,30}\b(full|"
                                 r"overflow\w*|packed|over capacity|no (room|places))|popular (junior |"
                                 r"primary |middle )?(schools?|highs?)|school choice|"
                                 r"(城镇|城区|县城)学校.{0,8}(挤|满|爆满|不够|紧张)|"
                                 r"(families|pupils|children|parents) (keep )?(moving|move|moved|flock\w*|pour\w*) in\b|"
                                 r"拥挤|学位紧张|学位不足|城挤|择校|热门学校", re.IGNORECASE),
    "rural_decline": re.compile(r"shrink|empty|declin|falling enrol|consolidat|clos(ing|ed|ure)|"
                                r"merg|walk .{0,20}(hour|km|kilomet)|drop ?out|"
                                r"\bclose (their|our|the|these|its|village|rural|small)\b|schools? close\b|"
                                r"生源(?!.{0,4}(流失|外流))|萎缩|空心|撤并|村空|越来越(空|少)", re.IGNORECASE),
    # pupils leaving rural schools for the town's: what lifts the rural schools is the lever
    # (school groups, rotation, shared classrooms), not consolidation; from the schools named
    "rural_outflow": re.compile(r"(乡镇|农村|乡村|村)\w{0,4}(学校|小学|初中|村小)?\w{0,2}生源\w{0,4}(流失|外流)|"
                                r"(学生|生源)\w{0,4}(流向|涌向|涌入)(城区|县城|城镇|城里)|"
                                r"(孩子|学生)\w{0,2}(往|送到|送进|转到|转进)(城里|县城|城区|城镇)|"
                                r"(pupils|children|students|families|parents)\b.{0,30}\b(leav\w*|mov\w*|go\w*|"
                                r"head\w*|send\w*)\b.{0,50}\b(for|to|into) (the )?(town|city|county[- ]town|urban)",
                                re.IGNORECASE),
    # "优质均衡督导评估" names the evaluation: not, by itself, a supervision problem
    "weak_supervision": re.compile(r"supervis(?!ion (and|&) evaluation)|accountab|inspect|"
                                   r"督导(?!评估)|督促|问责|考核", re.IGNORECASE),
    # a low score is a problem of its own: find who scored low on what, not more supervision
    "satisfaction_pct": re.compile(r"satisf(action|ied)|social[- ]recognition|满意度|社会认可度",
                                   re.IGNORECASE),
    # "quality balance" names the evaluation, not a gap in quality
    "quality_gap": re.compile(r"quality(?![- ]balance)|achievement|质量|教学水平", re.IGNORECASE),
    # the quality-balance resource indicators a question names: the measures that address the
    # very indicator lead ("our sports-ground CV is 0.62": more ground at the schools short of it)
    "sports_area_per_pupil": re.compile(r"sports?[- ](ground|area|field|hall)s?|playground|运动场|"
                                        r"体育场馆|体育场地|操场", re.IGNORECASE),
    "building_area_per_pupil": re.compile(r"building area|teaching (and auxiliary )?rooms|"
                                          r"classroom space|教学及辅助用房|校舍面积", re.IGNORECASE),
    "equipment_value_per_pupil": re.compile(r"equipment|仪器设备", re.IGNORECASE),
    "multimedia_classrooms_per_100": re.compile(r"multimedia classroom|多媒体教室", re.IGNORECASE),
    "pe_arts_teachers_per_100": re.compile(r"\b(PE|sports|music|arts?) (and (arts?|music|PE) )?"
                                           r"teachers|体育.{0,4}(艺术|音乐|美术).{0,4}教师|音体美|"
                                           r"(音乐|美术|体育)(专任)?(教师|老师)",
                                           re.IGNORECASE),
    "key_teachers_per_100": re.compile(r"key teachers|backbone teachers|骨干教师", re.IGNORECASE),
    # problems only a question states (no profile raises them): measures address them by these
    # ids; one no measure addresses is said to have none in the sources
    "teacher_posts_tight": re.compile(r"编制.{0,4}(紧|不足|不够|少|满)|缺编|超编|"
                                      r"(staffing|teacher) (quota|posts?|establishment)s?|"
                                      r"headcount", re.IGNORECASE),
    "ageing_teachers": re.compile(r"老化|老龄化|年龄(偏大|结构|大)|年纪(偏)?大|青黄不接|后继无人|临近退休|"
                                  r"retir(e|es|ing|ement)\b|\bageing\b|"
                                  r"\baging\b|older teachers|over (50|fifty)|near(ing)? retirement|"
                                  r"young (teachers|graduates) (won't|will not|don't|do not)",
                                  re.IGNORECASE),
    "few_senior_titles": re.compile(r"高级职称|职称|senior[- ]title|senior teachers|"
                                    r"professional titles?", re.IGNORECASE),
    "boarding_staff": re.compile(r"生活老师|生活教师|生活管理|宿管|dormitory (supervisors?|staff)|"
                                 r"life[- ]?care (staff|workers?|teachers?)|"
                                 r"house ?parents?|houseparents?|boarding staff", re.IGNORECASE),
    "counselling_staff": re.compile(r"心理(老师|教师|健康|辅导)|mental[- ]health|counsel|psycholog",
                                    re.IGNORECASE),
}
# Constraints a "what should we do" question states: measures that respect one lead, those that
# go against it are dropped (``suits_when`` / ``unsuited_when`` in corpus/measures.yaml).
CONSTRAINT_CUES: dict[str, re.Pattern] = {
    "money_tight": re.compile(
        r"财政.{0,3}(紧|困难|吃紧|薄弱|不足)|贫困县|穷县|财力.{0,3}(有限|薄弱|紧|不足|弱)|没(有)?钱|缺钱|钱不够|"
        r"经费.{0,3}(紧张|不足|有限)|\b(short of|little|no|tight|limited|scarce) (money|funds|"
        r"budgets?|cash)|budgets? (is|are) (tight|limited|thin)|tight budgets?|cash-strapped|"
        r"(can(no|')t|cannot) afford|fiscal(ly)? (weak|constrained|tight|strapped)|"
        r"(finances?|budgets?|funds) (are |is )?(stretched|strained)|"
        r"(finances?|budgets?|funds|money) (can(no|')t|cannot|won't|will not|does(n't| not)) "
        r"(sustain|support|cover|pay for|keep)|"
        r"(poor|poorer) count(y|ies)", re.IGNORECASE),
    "keep_schools_open": re.compile(
        r"(反对|不同意|不愿意?|不支持|抵制).{0,6}(撤并|撤点|关闭|合并)|"
        r"\b(oppose|opposes|opposed|against|resist\w*|won't accept|refuse\w*) .{0,40}"
        r"(clos\w*|merg\w*|consolidat\w*)", re.IGNORECASE),
    # a closure the county has decided on ("准备撤并", "we plan to merge"): the procedure and the
    # risks of closing are asked, not whether to close
    "closing_planned": re.compile(
        r"(准备|计划|打算|拟|即将|将要)\s*(撤并|撤销|合并|关闭|撤点|并校)|"
        r"\b(plan(s|ning)?|going|about|prepar\w*|intend\w*|decided|set) to (close|merge|consolidate|"
        r"shut)\b|\bwill (close|merge|consolidate|shut)\b", re.IGNORECASE),
}


# the evaluation a county awaits ("before next year's quality-balance inspection", "迎接督导评估
#检查"): an event, not a weakness of its supervision
EVALUATION_AWAITED = re.compile(
    r"\b(the|an?|next|this|coming|upcoming|year's|provincial|national|quality[- ]balance)\s+"
    r"(\w+[- ])?(supervision|inspection|evaluation|assessment)s?( visit| team| check)?s?\b|"
    r"\binspectors? (come|comes|coming|arrive|arrives|visit|will)\b|"
    r"迎接.{0,8}(督导|评估|检查|验收)|督导(检查|验收)|(评估|检查)组", re.IGNORECASE)


def stated_problems(question: str) -> tuple[str, ...]:
    """The problem flags a question names, leaving out words that only state a constraint:
    "县财政困难" says money is tight, not that rural funding is the problem asked about; nor
    an evaluation the county awaits ("before the inspection"): it is not weak supervision."""
    spans = [m.span() for cue in (*CONSTRAINT_CUES.values(), EVALUATION_AWAITED)
             for m in cue.finditer(question)]

    def outside(match: re.Match) -> bool:
        return not any(a <= match.start() and match.end() <= b for a, b in spans)
    return tuple(flag for flag, cue in PROBLEM_CUES.items()
                 if any(outside(m) for m in cue.finditer(question)))


def constraints_in(question: str) -> tuple[str, ...]:
    """The constraints a question states (``CONSTRAINT_CUES``)."""
    return tuple(name for name, cue in CONSTRAINT_CUES.items() if cue.search(question))


def problems_in_order(question: str, problems: tuple[str, ...]) -> tuple[str, ...]:
    """``problems`` in the order the question states them, the one it stresses first: "40
    teaching points with fewer than 20 pupils and we can't keep teachers there" is about keeping
    teachers; "留守儿童多，寄宿制学校生活老师严重不足" about the missing life-care staff."""
    def at(flag: str) -> int:
        found = PROBLEM_CUES[flag].search(question) if flag in PROBLEM_CUES else None
        return found.start() if found else len(question)
    ordered = sorted(problems, key=at)
    stressed = stressed_problem(question, problems)
    return tuple(([stressed] if stressed else []) + [f for f in ordered if f != stressed])


# what marks a problem as the one a question stresses: a difficulty said of it in its clause
DIFFICULTY = re.compile(r"\b(can(no|')t|cannot|unable|not enough|too (few|little)|short(age)? of|"
                        r"lack(s|ing)?|struggl\w*|keep (leaving|quitting)|leave|leaving|quit|"
                        r"(won't|will not|don't|do not) stay)\b|"
                        r"严重|不足|不够|短缺|缺乏|缺少|紧缺|紧张|留不住|招不来|难以|流失|老化|青黄不接|跟不上|不到位|"
                        r"[偏过太][大小高低少多]", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,，;；.。!?！？]|\band\b|\bbut\b|而且|但是?|并且")


def stressed_problem(question: str, problems: tuple[str, ...]) -> str | None:
    """Of two or more problems, the one a difficulty is said of ("can't keep teachers", "生活老师
    严重不足"): the problem named nearest a difficulty word in the same clause; None when no
    clause states a difficulty, or only one problem is named."""
    if len(problems) < 2:
        return None
    best, closest = None, (len(question), len(question))
    for start, end in _clauses(question):
        clause = question[start:end]
        marks = [m.span() for m in DIFFICULTY.finditer(clause)]
        if not marks:
            continue
        for flag in problems:
            cue = PROBLEM_CUES.get(flag)
            for found in cue.finditer(clause) if cue else ():
                gap = min(max(a - found.end(), found.start() - b, 0) for a, b in marks)
                # the nearest; of two as near, the one stated first
                if (gap, start + found.start()) < closest:
                    best, closest = flag, (gap, start + found.start())
    return best


def _clauses(question: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(question)] + [len(question)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


# Actions an asker may propose in a yes/no question ("should we close them?", "要不要撤并"):
# a measure's ``verdict`` says what the rules and precedents say about the action
PROPOSAL_CUES: dict[str, re.Pattern] = {
    "close_schools": re.compile(r"\b(clos\w*|merg\w*|consolidat\w*|shut\w*)\b|撤并|撤掉|撤销|"
                                r"撤点|关闭|关掉|合并|并校", re.IGNORECASE),
}
_YES_NO = re.compile(r"(?:^|(?<=[.?!;:。？！；：]))\s*(?:and |so |or )?"
                     r"(should|shall|must|can|could|may|ought)\b (we|the county|our county|I|they)"
                     r"\b[^?？]{0,80}[?？]|\bis it (right|wise|lawful|legal|allowed|ok|okay)\b"
                     r"[^?？]{0,80}[?？]|(要不要|该不该|应不应该?|能不能|可不可以|是否)[^?？。]{0,30}",
                     re.IGNORECASE)


def proposals_in(question: str) -> tuple[str, ...]:
    """The actions a question asks whether to take ("Should we close them?", "要不要撤掉"),
    from its yes/no clauses only: "what should we do about closures" proposes nothing."""
    asked = [m.group(0) for m in _YES_NO.finditer(question)]
    return tuple(name for name, cue in PROPOSAL_CUES.items()
                 if any(cue.search(clause) for clause in asked))


def asks_for_fact(question: str) -> bool:
    """Whether a look-up cue fires: "when", "how many", "多少", "哪一年" ask for a fact."""
    return bool(_LOOKUP.search(question))


@dataclass
class Intent:
    kind: str
    actors: tuple[str, ...] = ()
    area: str | None = None
    problems: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    sides: compare.Sides | None = None
    asks_who: bool = False            # "who must …?", "由哪一级…": the answer names an actor
    # every level the question names, in order ("what does the province do and what does the
    # county do": the province's actors, then the county's); one level: ``actors`` alone
    actor_groups: tuple[tuple[str, ...], ...] = ()
    # "the county or the province?": the levels between which the question asks to choose
    either: tuple[tuple[str, ...], ...] = ()


# a second question that asks about the term the first defined: "它…", "this…", "how does it …"
_OF_IT = re.compile(r"^\s*(它|其|这|该|那|与之|和它|跟它|\bit\b|\bthis\b|\bthat\b|how (does|is) it\b|"
                    r"(how|in what way) does (it|this)\b|and how\b)", re.IGNORECASE)
_FIRST_SENTENCE = re.compile(r"^[^？?。！!]+[？?。！!]")


def _defines_then_asks_of_it(question: str) -> bool:
    """Whether a question opens with a definition question and goes on to ask about the same
    term ("什么是X？它和Y有什么不同？"): the definition answers, then what it says of the rest."""
    first = _FIRST_SENTENCE.match(question.strip())
    if first is None or not _DEFINITION.search(first.group(0)):
        return False
    return bool(_OF_IT.match(question.strip()[first.end():]))


def classify(question: str, case_names: dict[str, tuple[str, ...]] | None = None,
             has_definition: bool = False) -> Intent:
    """The kind and subject of ``question``. ``case_names`` maps case ids to the names a
    question may use for them; ``has_definition`` says the glossary defines a term it names."""
    cases = named_cases(question, case_names or {})
    asked = asked_clauses(question)
    actors = _actors(asked) or _actors(question)
    area = next((name for name, cue in _AREA_CUES if cue.search(question)), None)
    problems = stated_problems(question)
    sides = compare.parse(question)
    if sides is None and len(cases) >= 2 and _COMPARE_CUE.search(question):
        sides = compare.Sides(*(_mentioned(question, case_names or {}, c) for c in cases[:2]))
    cues = {
        "lookup": bool(_LOOKUP.search(question)),
        "suggest": bool(_SUGGEST.search(question)) and not _DEFINITION.search(question)
        and not asks_why_only(question) and not asks_named_duty(question),
        "explain": bool(_EXPLAIN.search(question)),
        "case": bool(cases) and bool(_CASE.search(question)),
        "definition": has_definition and bool(_DEFINITION.search(question))
        and not _RESPONSIBLE_ASK.search(question),
        "responsible": bool(_RESPONSIBLE.search(question)) or asks_named_duty(question),
        # "how is A different from B": a comparison even without a parsed "compare A and B"
        "compare": bool(_COMPARE_CUE.search(question)),
    }
    votes = {kind: CUE_VOTE[kind] for kind, matched in cues.items() if matched}
    if not votes:
        # no cue: the nearest labelled examples decide when they agree clearly, else a look-up
        nearest = nearest_kinds(question)
        best = max(nearest, key=nearest.get) if nearest else "lookup"
        if nearest and nearest[best] >= AGREEMENT * sum(nearest.values()):
            votes = {best: 1.0}
    if has_definition and _defines_then_asks_of_it(question):
        # "什么是X？它和Y有什么不同？": what X is, then how it differs, both from X's definition
        kind, sides = "definition", None
    elif sides is not None:
        kind = "compare"
    elif votes:
        kind = max(votes, key=lambda k: (votes[k], -KINDS.index(k)))
    else:
        kind = "case" if cases else "lookup"
    if kind == "case" and not cases:
        kind = "lookup"
    if kind == "compare" and sides is None:
        sides = _sides_without_pattern(question, cases)
        if sides is None:
            # "由谁承担？中央、省、县各自负什么责任": "各自" of the levels named asks each one's duty
            kind = "responsible" if _each_level_asked(question) else "lookup"
    if kind == "suggest" and cases and not problems:
        kind = "case"  # "what did Baoqing do": a case, not a request for measures
    if kind == "explain" and cases and _CASE_RESULTS.search(question) and not _WHY.search(question):
        kind = "case"  # "how does Zhejiang's scheme work, and what has it achieved?": the case record
    if kind == "compare" and len(cases) < 2 and _among_levels(question, sides):
        # "who runs it — the county, the province or the centre?": a choice among levels, not a
        # comparison of two of them; two cases named ("compare Chengdu's school alliances with
        # Hangzhou's school groups: who led them …") are the sides, whoever "who" asks about
        kind, sides = "responsible", None
    either = either_levels(question)
    if either and kind == "lookup" and (_RESPONSIBLE_ASK.search(question) or "负责" in question
                                        or _WHO.search(question)):
        # "is the county or the province responsible for …?": which of the two must act
        kind = "responsible"
    return Intent(kind=kind, actors=actors, area=area, problems=problems, cases=cases,
                  sides=sides, asks_who=bool(_WHO.search(question)),
                  actor_groups=actor_groups(asked) or actor_groups(question),
                  either=either)


def _each_level_asked(question: str) -> bool:
    """Whether a who-question names two or more levels of government and asks what each does
    ("中央、省、县各自负什么责任", "what must the centre and the county each do")."""
    return (bool(_WHO.search(question) or _RESPONSIBLE.search(question))
            and len(actor_groups(question)) >= 2)


def _among_levels(question: str, sides: compare.Sides | None) -> bool:
    """Whether a who-question's two "sides" are levels of government it asks to choose among."""
    return (sides is not None and bool(_WHO.search(question))
            and all(_actors(side) for side in (sides.a, sides.b)))


def _sides_without_pattern(question: str, cases: tuple[str, ...]) -> compare.Sides | None:
    """A comparison phrased without "compare" ("Is A stricter than B?", "A和B是一回事吗"): the
    two things named around the joining word."""
    match = re.search(r"(?P<a>[^,，？?]{2,60}?)\s*(?:和|与|跟|同|\band\b|\bor\b|\bthan\b|"
                      r"\bwith\b|\bversus\b|\bvs\.?|\b(?:different|differs?) from\b)\s*(?P<b>[^,，？?]{2,60})",
                      question, re.IGNORECASE)
    if not match:
        return None
    strip = r"^(?:(?:how|what|is|are|was|were|did|does|do|the|which|between)\s+)+"
    a = re.sub(strip, "", match.group("a").strip(), flags=re.IGNORECASE)
    b = re.sub(r"\s+(?:differ|compare|the same|same|stricter|better|change|both|each)\b.*$|[.。].*$",
               "", match.group("b").strip(), flags=re.IGNORECASE)
    return compare._clean(compare.Sides(a, b, ""))


# -- nearest labelled examples ----------------------------------------------------------------

# A cue pattern's vote (the nearest examples' votes sum to at most NEIGHBOURS); where several
# cues match, the more specific kind leads: "what should we do" over "who is responsible".
CUE_VOTE = {"suggest": 1.3, "lookup": 1.25, "explain": 1.2, "compare": 1.15, "case": 1.1,
            "definition": 1.05, "responsible": 1.0}
NEIGHBOURS = 7
AGREEMENT = 0.5  # the share of the nearest examples' votes one kind needs to decide
EXAMPLES = Path(__file__).with_name("intent_examples.yaml")
_LATIN = re.compile(r"[a-z]+")


def _features(question: str) -> dict[str, float]:
    """Words and Chinese character pairs: the frame of a question ("why", "what should",
    "怎么办") is what tells its kind, so no word is dropped."""
    text = question.lower()
    features: dict[str, float] = {}
    for word in _LATIN.findall(text):
        features[word] = 1.0
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        for i in range(len(run) - 1):
            features[run[i:i + 2]] = 1.0
    return features


@lru_cache(maxsize=1)
def _bank() -> tuple[list[tuple[str, dict[str, float]]], dict[str, float]]:
    """The labelled examples as feature vectors, and IDF weights over them."""
    import math

    import yaml

    if not EXAMPLES.is_file():
        return [], {}
    data = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8")) or {}
    rows = [(str(e["kind"]), _features(str(e["q"]))) for e in data.get("examples", [])
            if str(e.get("kind")) in KINDS]
    df: dict[str, int] = {}
    for _, feats in rows:
        for f in feats:
            df[f] = df.get(f, 0) + 1
    idf = {f: math.log(1 + len(rows) / n) for f, n in df.items()}
    return rows, idf


def nearest_kinds(question: str) -> dict[str, float]:
    """Votes for each kind from the most similar labelled examples (cosine of IDF-weighted
    features), each vote its similarity."""
    rows, idf = _bank()
    if not rows:
        return {}
    query = {f: idf.get(f, 0.0) for f in _features(question)}
    norm_q = sum(v * v for v in query.values()) ** 0.5 or 1.0
    scored = []
    for kind, feats in rows:
        dot = sum(query.get(f, 0.0) * idf[f] for f in feats)
        norm = sum(idf[f] ** 2 for f in feats) ** 0.5 or 1.0
        scored.append((dot / (norm_q * norm), kind))
    votes: dict[str, float] = {}
    nearest = sorted(scored, reverse=True)[:NEIGHBOURS]
    total = sum(similarity for similarity, _ in nearest) or 1.0
    for similarity, kind in nearest:
        votes[kind] = votes.get(kind, 0.0) + similarity / total
    return votes


def _mentioned(question: str, case_names: dict[str, tuple[str, ...]], case_id: str) -> str:
    """The name the question uses for a case ("成都", "Hangzhou")."""
    names = [n for n in case_names.get(case_id, ()) if _position(question.lower(), n.lower()) >= 0]
    return max(names, key=len) if names else case_id


# "which level of government …?" asks for the actor: a school or a county it mentions is what
# the duty is about or a guess, not the actor to keep to
_ASKS_WHICH_ACTOR = re.compile(r"\b(which|what) (level|tier)s? of government|\bwhich government|"
                               r"\bwhich (department|authority|body)|哪一?级(人民)?政府|哪一?级|"
                               r"哪个部门|哪个政府|哪些部门", re.IGNORECASE)


def _actors(question: str) -> tuple[str, ...]:
    if _ASKS_WHICH_ACTOR.search(question):
        return ()
    for cue, actors in _ACTOR_CUES:
        if actors == ("school",) and _WHO.search(question):
            continue  # "who has to set up boarding schools?": the schools are what is done
        if cue.search(question):
            return actors
    return ()


def actor_groups(question: str) -> tuple[tuple[str, ...], ...]:
    """The actors of every level of government the question names, in order of mention; a cue
    that shares an actor with one kept already ("县" of "县教育局") names no other level."""
    if _ASKS_WHICH_ACTOR.search(question):
        return ()
    named = []
    for cue, actors in _ACTOR_CUES:
        if actors == ("school",):
            continue  # "rotates few teachers between schools": the schools are what is done to
        match = cue.search(question)
        if match:
            named.append((match.start(), actors))
    groups: list[tuple[str, ...]] = []
    for _, actors in sorted(named, key=lambda n: n[0]):
        if not any(set(actors) & set(kept) for kept in groups):
            groups.append(actors)
    return tuple(groups)


# A clause that sets the scene ("if a county's funding falls below the benchmark, what must the
# province do?") names what the duty is about; the actor asked about is in the other clauses.
_CONDITION = re.compile(r"^\s*(if|when|where|whereas|suppose|once|假如|如果|若|要是|倘若|当|一旦)",
                        re.IGNORECASE)


def asked_clauses(question: str) -> str:
    """The question without its scene-setting clauses (an "if …" or "如果……" clause); the whole
    question when every clause sets a scene or none does."""
    clauses = [c for c in re.split(r"[,，;；]", question) if c.strip()]
    kept = [c for c in clauses if not _CONDITION.search(c)]
    # "what is the province responsible for when poorer counties cannot fund …?": a scene set
    # at the end of a clause, without a comma
    trimmed = [_TRAILING_CONDITION.sub("", c) for c in kept]
    trimmed = [c for c in trimmed if c.strip()]
    if trimmed and trimmed != kept:
        return "，".join(trimmed)
    return "，".join(kept) if kept and len(kept) < len(clauses) else question


_TRAILING_CONDITION = re.compile(r"(?<=\w)\s+(?:if|when|whenever|once)\s+\w+.*$", re.IGNORECASE)


# "the county or the province?", "县还是省": at most this many characters between the two levels
_EITHER_SPAN = 24
_EITHER = re.compile(r"\s*(?:,\s*)?\b(?:or|or else)\b\s*|还是|抑或|或者?")


# "是县负责还是省负责": the bare one-character names of the two levels, next to 还是
_ZH_EITHER = re.compile(r"(?<![\u4e00-\u9fff])是?(县|省)(?:里|级|政府)?[^，。？?]{0,6}还是(县|省)")
_ZH_LEVEL = {"县": ("county-government", "county-education-bureau", "county-finance-bureau"),
             "省": ("provincial-government",), "中央": ("central-government", "central-ministries")}
# "县、省还是中央": a list of bare level names ending in 还是/或
_ZH_LEVEL_LIST = re.compile(r"(县|省|中央)(?:[、，,]\s*(县|省|中央))+\s*(?:还是|或者?)\s*(县|省|中央)")


def either_levels(question: str) -> tuple[tuple[str, ...], ...]:
    """The two levels of government a question asks to choose between ("… — the county or the
    province?", "是县里还是省里负责"), in order of mention; () when it names no such pair."""
    listed = _ZH_LEVEL_LIST.search(question)
    if listed:
        names = re.findall(r"县|省|中央", listed.group(0))
        if len(set(names)) == len(names):
            return tuple(_ZH_LEVEL[n] for n in names)
    bare = _ZH_EITHER.search(question)
    if bare and bare.group(1) != bare.group(2):
        return (_ZH_LEVEL[bare.group(1)], _ZH_LEVEL[bare.group(2)])
    named = []
    for cue, actors in _ACTOR_CUES:
        if actors == ("school",):
            continue
        named += [(m.start(), m.end(), actors) for m in cue.finditer(question)]
    named.sort(key=lambda n: n[0])
    for (_, end, first), (start, _, second) in itertools.pairwise(named):
        between = question[end:start]
        if set(first) & set(second) or len(between) > _EITHER_SPAN:
            continue
        if _EITHER.search(between):
            return (first, second)
    return ()


def named_cases(question: str, case_names: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Case ids whose names occur in ``question``, in order of first mention."""
    found = []
    lowered = question.lower()
    for case_id, names in case_names.items():
        positions = [_position(lowered, name.lower()) for name in names]
        positions = [p for p in positions if p >= 0]
        if positions:
            found.append((min(positions), case_id))
    return tuple(case_id for _, case_id in sorted(found))


def _position(text: str, name: str) -> int:
    if re.search(r"[\u4e00-\u9fff]", name):
        return text.find(name)
    match = re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", text)
    return match.start() if match else -1


_GENERIC = {"county", "district", "city", "province", "the"}


def case_names_from(metadata: dict[str, dict]) -> dict[str, tuple[str, ...]]:
    """Names for each case document, from its ``region`` and ``title_zh``: "Baoqing County",
    "Baoqing", "宝清县", "宝清"; "District L", "L区"."""
    names: dict[str, tuple[str, ...]] = {}
    for doc_id, meta in metadata.items():
        found: list[str] = []
        region = str(meta.get("region") or "")
        head = re.split(r"[,;]| and ", region)[0]
        for zh in re.findall(r"[（(]([\u4e00-\u9fff]+)[)）]", head):
            found += [zh, re.sub(r"[县区市省]$", "", zh)]
        english = re.sub(r"\s*[（(].*$", "", head).strip()
        if english:
            found.append(english)
            words = [w for w in english.split() if w.lower() not in _GENERIC]
            if len(words) == 1 and len(words[0]) > 2:
                found.append(words[0])
            letter = re.fullmatch(r"District ([A-Z])", english)
            if letter:
                found.append(f"{letter.group(1)}区")
        title_zh = str(meta.get("title_zh") or "")
        if "：" in title_zh:
            place = title_zh.split("：")[0]
            last = re.split(r"省|自治区", place)[-1] or place
            found += [last, re.sub(r"[县区市省]$", "", last)]
        names[doc_id] = tuple(dict.fromkeys(n for n in found if len(n) >= 2))
    return names


@lru_cache(maxsize=4)
def corpus_case_names(corpus: Path) -> dict[str, tuple[str, ...]]:
    from assistant.corpus import load_documents

    documents, _ = load_documents(corpus)
    return case_names_from({d.id: d.metadata for d in documents
                            if d.metadata.get("doc_type") == "case"})
