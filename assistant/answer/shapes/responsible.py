"""Who is responsible: the lead duty, then the actor's further duties, strongest basis first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from assistant.answer.intent import (
    _CONDITION,
    _TRAILING_CONDITION,
    _WHO,
    PROBLEM_CUES,
    Intent,
    _actors,
    actor_groups,
    stated_problems,
)
from assistant.answer.messages import text as t
from assistant.answer.parts import distinctive, split
from assistant.answer.shapes.draft import (
    FLOOR,
    LIST_RELATIVE,
    ON_TOPIC,
    OPENING_CHARS,
    RELATIVE,
    TOPIC_TIE,
    WHO_ON_TOPIC,
    Composed,
    Draft,
    finish,
)
from assistant.answer.terms import content_terms, matches, token_set, with_known_parts
from assistant.article_numbers import article_numbers
from assistant.knowledge.index import Found
from assistant.knowledge.statements import ACTORS
from assistant.vocabulary import RESPONSIBILITY_AREAS

LIST_COVERAGE = 0.6  # a further duty holds this share of the question's words the lead holds
SHARED = 0.7  # ... and this share (by weight) of the question's words that the lead holds
# "what are the areas of government responsibility": the areas themselves are asked for, and the
# statement that sorts the duties into them (its topics span most of them) answers
_ASKS_AREAS = re.compile(r"\bareas?\b[\w\s-]{0,30}\bresponsib|\bresponsibility areas?\b|"
                         r"责任领域|职责领域", re.IGNORECASE)
AREAS_SPANNED = 5  # of the seven responsibility areas, in a statement's topics
FLOOR_OWN = 0.45  # an actor's own statutory duty scoring this is listed when its duties are asked


def _names_an_actor(draft: Draft):
    """Whether a statement names, in the reader's language, the level of government that acts
    (县级人民政府, "county governments")."""
    names = [name.lower() for pair in ACTORS.values() for name in pair]
    names += ["各级人民政府", "县级以上", "县、乡", "省级", "县级", "government", "state council"]

    def names_actor(found: Found) -> bool:
        text = found.statement.in_language(draft.language).lower()
        return any(name in text for name in names)
    return names_actor


# "may set higher standards" is a power, not what an actor has to do ...
_PERMISSION = re.compile(r"\bmay\b|\bcan\b|可以|有权")
# ... unless the statement also says what it must do ("must fund …, and may set higher")
_OBLIGATION = re.compile(r"\bmust\b|\bshall\b|\bis responsible\b|\bare responsible\b")


def _obliges(found: Found) -> bool:
    """Whether a duty obliges (must, 应当) rather than only permits: "what does the province have
    to do" is answered by what it must do."""
    text = found.statement.text
    return bool(_OBLIGATION.search(text)) or not _PERMISSION.search(text)


def _statutory_obligation(found: Found) -> bool:
    """A duty a law or regulation imposes (not a power it grants): what a named actor must do."""
    return found.located.doc_type in ("law", "regulation") and _obliges(found)


# a duty put on several levels at once ("县级以上人民政府", "the State Council and local
# governments") is the named level's too, but not what sets it apart
_SHARED_LEVELS = re.compile(r"县级以上|以上地方|各级|国务院和|\b(?:at )?county level and above\b|"
                            r"\bat (?:every|all) levels?\b|\bevery level\b|"
                            r"\bState Council and\b|\blocal governments\b", re.IGNORECASE)


def _own_level(found: Found) -> bool:
    """Whether a duty is the level's own, not one it shares with the levels above it: "what
    are the county's main duties" is answered first by what the law gives the county alone
    (Art. 7 县级人民政府为主管理, Art. 45), then by what it shares (Art. 22 县级以上)."""
    statement = found.statement
    # the subject of the duty: its opening words (a later "costs shared by every level" is what
    # the level coordinates, not who acts)
    return not any(_SHARED_LEVELS.search(text) for text in
                   (statement.text[:OPENING_CHARS], statement.text_zh[:OPENING_CHARS // 2]))


def _named_duty(found: Found) -> bool:
    """What leads the duties of a named actor: the law's obligation of that level alone."""
    return _statutory_obligation(found) and _own_level(found)


# "what does the county have to do?": every duty that binds it, its own and all levels'
_MUST_DO = re.compile(r"\b(have|has|need|needs) to\b|\bmust\b|\brequired\b|\bobliged\b|应当|必须|"
                      r"要求|该做|要做", re.IGNORECASE)


def _bound(actors: tuple[str, ...]) -> tuple[str, ...] | None:
    """The actors whose duties bind the named ones: a duty of "governments at all levels"
    (teachers' pay, Compulsory Education Law Art. 31) is also the county's."""
    if not actors:
        return None
    if any(actor.endswith("-government") for actor in actors):
        return (*actors, "governments-all-levels")
    return actors


def _shares_lead(draft: Draft, lead: Found, other: Found) -> bool:
    """Whether ``other`` holds most (by weight) of the question's words that the lead holds, a
    Chinese compound counted by its known parts ("教师工资" is held by "教师的平均工资" too)."""
    weight = draft.ctx.stats.weight
    words = draft.question_terms()
    held = draft.terms_held(lead, words)
    terms = [term for term in words if term.text in held]
    total = sum(weight(term) for term in terms)
    if not total:
        return True
    theirs = draft.terms_held(other, words)
    return sum(weight(term) for term in terms if term.text in theirs) >= SHARED * total


def lead_then_duties(draft: Draft, lead: Iterable[str], items: list[str]) -> Composed:
    """The lead sentences as one paragraph, then the further duties under their heading."""
    parts = [" ".join(lead)]
    if items:
        parts.append(t("more_duties", draft.language) + "\n" + "\n".join(f"- {i}" for i in items))
    return finish(draft, parts)


def _duties(draft: Draft, intent: Intent, actors) -> list[Found]:
    """The duties for the question of ``actors`` (None: any), within the responsibility area the
    question names when enough are, and never so narrowly that the thing asked about is lost:
    "who must pay for free textbooks" reads "pay" as the teachers' area, but the duty that
    names free textbooks is a funding duty."""
    found: list[Found] = []
    for area in ([intent.area, None] if intent.area else [None]):
        found = draft.relevant(draft.search(kinds=("duty",), actors=actors, area=area, limit=20))
        if len(found) >= 2:
            break
    if intent.area and draft.topic_names() and not any(draft.names_topic(f) for f in found):
        wider = draft.relevant(draft.search(kinds=("duty",), actors=actors, limit=20))
        if any(draft.names_topic(f) for f in wider):
            found = wider
    return found


def _problem_duties(draft: Draft, intent: Intent, actors) -> list[Found]:
    """The actor's duties whose subjects name a problem the question describes (the advisor's
    problem flags: low_rotation), best first."""
    if intent.asks_who or not intent.problems:
        return []
    wider = draft.search(kinds=("duty",), actors=actors, limit=200)
    return [f for f in wider if set(f.statement.subjects) & set(intent.problems)
            and not draft.elsewhere(f)]


# a level of government acts through its departments: the law's duties of the county education
# department are the county's ("what are the county government's statutory duties": Art. 32's
# balanced staffing), while a department's own duties are not the whole government's
DEPARTMENTS = {"county-government": ("county-education-bureau", "county-finance-bureau")}


def _with_departments(actors: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(a for actor in actors for a in (actor, *DEPARTMENTS.get(actor, ())))


def _own_legal_duties(draft: Draft, intent: Intent) -> list[Found]:
    """"What are the county education bureau's statutory duties": the laws' duties of the very
    actor named (not of the wider level it belongs to), each worth a line however few of the
    question's words it shares — the question asks for all of them."""
    own: list[Found] = []
    for area in ([intent.area, None] if intent.area else [None]):
        # within the area the question names ("in funding"), when the law gives the actor
        # duties there: its duties in other areas answer another question
        wider = draft.search(kinds=("duty",), actors=_with_departments(intent.actors[:1]),
                             area=area, limit=80)
        own = draft.relevant([f for f in wider if f.located.doc_type in ("law", "regulation")
                              and not draft.elsewhere(f)], floor=FLOOR_OWN)
        if own:
            break
    return own


def _areas_overview(draft: Draft) -> Found | None:
    """The statement that names the responsibility areas, when the question asks for them."""
    if not _ASKS_AREAS.search(draft.ctx.question):
        return None
    spanning = [f for f in draft.search(limit=60)
                if len(set(f.statement.topics) & set(RESPONSIBILITY_AREAS)) >= AREAS_SPANNED]
    return spanning[0] if spanning else None


def _names_levels(found: Found, groups) -> bool:
    """Whether a statement names each of the levels (actor groups) in either language."""
    named = [set(a) for text in (found.statement.text, found.statement.text_zh)
             for a in actor_groups(text)]
    return all(any(set(group) & level for level in named) for group in groups)


def _both_levels(draft: Draft, intent: Intent) -> Composed:
    """"What does the province do and what does the county do": each level's lead duty, in the
    order asked, then each one's further duties."""
    answers = []
    for actors in intent.actor_groups[:3]:
        found = _duties(draft, intent, actors)
        if not draft.on_topic(found, WHO_ON_TOPIC):
            return None
        answers.append(draft.lead(found, strength_first=True))
    # a duty that names every level asked about states the division in one sentence ("国务院领导、
    # 省级人民政府统筹规划实施、县级人民政府为主管理"): it opens ...
    whole = [f for found in answers for f in found[:8]
             if f.score >= TOPIC_TIE * found[0].score and not draft.elsewhere(f)
             and _names_levels(f, intent.actor_groups)]
    # ... from a source as strong as each level's own lead: a notice that mentions "a higher
    # provincial standard" in passing does not state how the levels divide the work
    whole = [f for f in whole if f.located.strength <= min(a[0].located.strength for a in answers)]
    whole.sort(key=lambda f: (f.located.strength, -f.score))
    leads = [draft.say_all(whole, 1)] + [draft.say_all(found, 1) for found in answers]
    if not any(leads):
        return None
    items = []
    for found in answers:
        close = [f for f in found[1:6] if f.score >= LIST_RELATIVE * found[0].score
                 and not draft.elsewhere(f)]
        close.sort(key=lambda f: (f.located.strength, -f.score))
        items += draft.say_all(close, 2)
    return lead_then_duties(draft, (line for lead in leads for line in lead), items)


def _level_name(actors: tuple[str, ...], language: str, heading: bool = False) -> str:
    en, zh = ACTORS[actors[0]]
    if language == "zh":
        return zh
    return en[:1].upper() + en[1:] if heading else en


def _level_duties(draft: Draft, intent: Intent, actors: tuple[str, ...]) -> list[Found]:
    """A level's own duties for the question (not another province's rule), the lead first:
    one about the subject asked (in its words or the subjects it is filed under), what it must
    do before what it may do, then the strongest source."""
    found = [f for f in draft.search(kinds=("duty",), actors=actors, limit=30)
             if not draft.elsewhere(f) and f.score >= FLOOR]
    return draft.lead(found, prefer=_obliges, filed_topic=True)


def _fits(draft: Draft, found: Found, best: Found) -> bool:
    """Whether a level's duty is on the subject asked: it names the subject when the question
    has one the glossary knows, else it scores close to the best duty of any level and holds
    about as many of the question's words (a duty on "rural teachers" that says nothing of
    their pay scores close by meaning alone)."""
    if draft.topic_names():
        return draft.names_topic(found, filed=True) and found.score >= RELATIVE * best.score
    return found.score >= TOPIC_TIE * best.score and \
        found.coverage >= LIST_COVERAGE * best.coverage


def _either_level(draft: Draft, intent: Intent) -> Composed:
    """"… — the county or the province?": which of the two (both, when each has a duty of its
    own on the subject), then each one's duty, and the duty the law puts on every level."""
    levels = intent.either
    duties = [_level_duties(draft, intent, actors) for actors in levels]
    shared = _level_duties(draft, intent, ("governments-all-levels",))
    leads = [found[0] for found in [*duties, shared] if found]
    if not leads or not draft.on_topic([max(leads, key=lambda f: f.score)], WHO_ON_TOPIC):
        return None
    top = max(leads, key=lambda f: f.score)
    fitting = [[f for f in found if _fits(draft, f, top)] for found in duties]
    names = [_level_name(actors, draft.language) for actors in levels]
    # each level's own paragraph; a level with no duty on the subject: its strongest statutory
    # duty says its role
    paragraphs = []
    for actors, found, fit in zip(levels, duties, fitting):
        role = sorted((f for f in found if f.located.doc_type in ("law", "regulation")),
                      key=lambda f: (not _own_level(f), -f.coverage, -f.score))
        lines = draft.say_all(fit, 2) if fit else draft.say_all(role, 1)
        name = _level_name(actors, draft.language, heading=True)
        paragraphs.append(f"**{name}**{'：' if draft.language == 'zh' else ': '}" + " ".join(lines)
                          if lines else "")
    # a duty of "governments at county level and above" binds the province as much as the county:
    # which level answers is decided by the duties each has alone
    alone = [[f for f in fit if _own_level(f)] for fit in fitting]
    if any(fitting) and not any(alone):
        opening = t("either_every", draft.language, first=names[0], second=names[1])
    elif all(alone):
        opening = t("either_both", draft.language, first=names[0], second=names[1])
    elif any(alone):
        chosen = 0 if alone[0] else 1
        # the other level's part is said below, or that the sources give it none
        key = "either_one" if paragraphs[1 - chosen] else "either_only"
        opening = t(key, draft.language, first=names[chosen], second=names[1 - chosen])
    else:
        opening = t("either_none", draft.language, first=names[0], second=names[1])
    # the duty of every level, when it is on the subject too
    common = [f for f in shared[:1] if _fits(draft, f, top)]
    said = draft.say_all(common, 1)
    # the common duty is said before the levels' paragraphs are read: its marker comes first
    parts = [" ".join([opening, *said]), *[p for p in paragraphs if p]]
    return finish(draft, parts) if len(parts) > 1 else None


# "what must the centre, the province and the county each do", "各自负什么责任": each level's part
_EACH = re.compile(r"\beach\b|\brespectively\b|各自|分别|各负|各承担", re.IGNORECASE)
EACH_LINES = 2  # a level's line: its strongest duty on the subject, and at most one more


def _each_line(draft: Draft, intent: Intent, found: list[Found], top: Found,
               level: str | None = None) -> list[Found]:
    """A level's duties for its line: about as relevant as the best duty of any level, in the
    area the question names when the level has duties there (funding for "who pays"), never a
    sanction; the level's own duties before those it shares, the law's articles first (what the
    statute puts on that level), then the strongest policy."""
    near = [f for f in found if f.score >= RELATIVE * top.score and _obliges(f) and not _sanction(f)]
    in_area = [f for f in near if intent.area and f.statement.area == intent.area]
    near = in_area or near
    # the level itself, when it has duties of its own here, not one of its departments
    near = [f for f in near if level in f.statement.actors] or near
    # the level itself before one of its departments ("财政…等有关部门", Art. 7), what it must do
    # before a clause that hands the detail on ("具体办法由国务院规定")
    near.sort(key=lambda f: (not _own_level(f), bool(level) and level not in f.statement.actors,
                             bool(_DELEGATES.search(f"{f.statement.text} {f.statement.text_zh}")),
                             not (_statutory(f) and article_numbers(f.statement.locator)),
                             f.located.strength, -f.score))
    return near


def _each_level(draft: Draft, intent: Intent) -> Composed:
    """"Who pays for rural compulsory education: the centre, the province or the county?",
    "中央、省、县各自负什么责任": the duty the law puts on all of them opens (costs shared, Art. 44),
    then one line per level named, in the order named, each with its own duty and article
    (the centre's benchmark, the province's coordination, the county's budget)."""
    question = draft.ctx.question
    groups = intent.actor_groups
    if len(groups) < 2 or _MAIN.search(question):
        return None
    # a choice of two is the either-shape's ("the county or the province?")
    if len(groups) <= len(intent.either) and not _EACH.search(question):
        return None
    # "省级政府和县级政府各负什么责任" names no "who": each level's lead duty (_both_levels) answers
    if not intent.asks_who:
        return None
    duties = [_level_duties(draft, intent, actors) for actors in groups]
    shared = _level_duties(draft, intent, ("governments-all-levels",))
    leads = [found[0] for found in [*duties, shared] if found]
    if not leads:
        return None
    top = max(leads, key=lambda f: f.score)
    if not draft.on_topic([top], WHO_ON_TOPIC):
        return None
    lines = [_each_line(draft, intent, found, top, actors[0])
             for actors, found in zip(groups, duties)]
    if sum(bool(line) for line in lines) < 2:
        return None
    # ... opened by the law's duty on all of them that names who bears it (Art. 44's "国务院和地方各级
    # 人民政府…共同负担"), not a ban on anyone diverting the money
    names_actor = _names_an_actor(draft)
    common = [f for f in shared if f.score >= RELATIVE * top.score and _statutory(f)
              and _obliges(f) and not _sanction(f)]
    common = [f for f in common if intent.area and f.statement.area == intent.area] or common
    # ... from another article than a level's own line: Art. 44 said as the opening would leave
    # the province's line without its article
    articles = {(found[0].statement.source, found[0].statement.locator) for found in lines if found}
    common = [f for f in common if (f.statement.source, f.statement.locator) not in articles] or common
    common.sort(key=lambda f: (not names_actor(f), -f.score))
    opening = draft.say_all(common, 1)
    items = []
    for actors, found in zip(groups, lines):
        said = draft.say_all(found, EACH_LINES if _statutory(found[0]) else 1) if found else []
        if not said:
            continue
        name = _level_name(actors, draft.language, heading=True)
        items.append(f"**{name}**{'：' if draft.language == 'zh' else ': '}" + " ".join(said))
    if len(items) < 2:
        return None
    parts = [" ".join(opening)] if opening else []
    parts.append("\n".join(f"- {item}" for item in items))
    return finish(draft, parts)


# "who carries out the assessment …", "督导评估和认定由哪一级负责": the subject is a procedure, and
# the actors of its steps answer, not the chores of the level that applies for it. Each cue of
# the question, then the words that name that procedure's steps in a statement.
_PROCEDURES = (
    (re.compile(r"\bassess\w*|\bevaluat\w*|\bdecid\w* (whether|if)\b|评估", re.IGNORECASE),
     r"\bassess\w*|\bevaluat\w*|\bself-evaluat\w*|评估|自评|复核"),
    (re.compile(r"\brecogni[sz]\w*|\bconfirm\w*|\bcertif\w*|\bdecid\w* (whether|if)\b|认定|验收",
                re.IGNORECASE), r"\brecogni[sz]\w*|认定"),
    (re.compile(r"\bapprov\w*|审批|批准", re.IGNORECASE), r"\bapprov\w*|审批|批准"),
)
PROCEDURE_STEPS = 4  # at most this many actors' steps follow the lead
# a statement that describes the procedure itself, not one result of it
_PROCEDURE = re.compile(r"\bprocedure\b|\bsteps?\b|程序|规程|步骤|四步", re.IGNORECASE)


def asked_procedure(question: str) -> re.Pattern | None:
    """The words that name, in a statement, the procedure a who-question asks about; None when
    it asks about none."""
    steps = [words for cue, words in _PROCEDURES if cue.search(question)]
    return re.compile("|".join(dict.fromkeys(steps)), re.IGNORECASE) if steps else None


# a step with the level that takes it: "市级复核", "provincial evaluation", "national recognition"
_LEVEL_STEP = re.compile(r"(县级|市级|省级|国家|county|city|provincial|national)\s*"
                         r"(自评|复核|评估|认定|self-evaluation|review|evaluation|recognition)",
                         re.IGNORECASE)


def _level_steps(found: Found) -> set[str]:
    """The steps a statement names with the level that takes them (either language)."""
    return {m.group(0).lower() for text in (found.statement.text, found.statement.text_zh)
            for m in _LEVEL_STEP.finditer(text)}


def _steps_named(found: Found, steps: re.Pattern) -> int:
    """How many different step words of the procedure a statement names (either language)."""
    return len({m.group(0).lower() for text in (found.statement.text, found.statement.text_zh)
                for m in steps.finditer(text)})


def _actor_steps(draft: Draft, intent: Intent, steps: re.Pattern) -> Composed:
    """The named actor's duties in the procedure asked about (the province's evaluation before
    national recognition), of the subject the question names when it names one of a contrasted
    pair (basic / quality balance); None when the actor has no step in it."""
    from assistant.answer.shapes.lookup import CONTRASTS, _names

    question = draft.ctx.question.lower()
    found = [f for f in draft.search(kinds=("duty",), actors=intent.actors[:1], limit=200)
             if not draft.elsewhere(f) and _steps_named(f, steps)]
    for one, other in CONTRASTS:
        for asked, not_asked in ((one, other), (other, one)):
            if any(n in question for n in asked) and not any(n in question for n in not_asked):
                found = [f for f in found if not (_names(f, not_asked) and not _names(f, asked))]
    # a step the statement names with the level that takes it first, then by relevance
    found.sort(key=lambda f: (not _level_steps(f), -f.score))
    if not found or found[0].score < FLOOR:
        return None
    lead = draft.say_all(found, 1)
    if not lead:
        return None
    items = draft.say_all([f for f in found[1:] if f.score >= FLOOR and not draft.is_said(f)],
                          PROCEDURE_STEPS - 1)
    return lead_then_duties(draft, lead, items)


def _procedure_actors(draft: Draft, intent: Intent) -> Composed:
    """Who takes the steps of the procedure asked about: the statement that names most of its
    steps (the procedure in one sentence), then each other actor's duty in it, the subject the
    question names kept apart from the one it is contrasted with (basic / quality balance)."""
    from assistant.answer.shapes.lookup import CONTRASTS, _names

    steps = asked_procedure(_without_scenes(draft.ctx.question))
    if steps is None:
        return None
    if not intent.asks_who:
        # "作为省教育厅，我们在评估和认定中承担哪些职责": the named actor's own steps
        return _actor_steps(draft, intent, steps) if intent.actors else None
    question = draft.ctx.question.lower()
    found = [f for f in draft.search(kinds=("duty", "fact"), limit=40)
             if f.score >= FLOOR and not draft.elsewhere(f) and _steps_named(f, steps)]
    subject: tuple[str, ...] = ()
    for one, other in CONTRASTS:
        for asked, not_asked in ((one, other), (other, one)):
            if any(n in question for n in asked) and not any(n in question for n in not_asked):
                found = [f for f in found if not (_names(f, not_asked) and not _names(f, asked))]
                subject = asked
    names_actor = _names_an_actor(draft)
    found = [f for f in found if names_actor(f) or f.statement.actors]
    if not found or not draft.on_topic(found, WHO_ON_TOPIC):
        return None
    close = [f for f in found if f.score >= TOPIC_TIE * found[0].score]
    # a statement of the procedure shares few of the question's words ("优质均衡实行国家认定"):
    # one that names a step with its level, of the subject asked, is looked for further down
    close += [f for f in draft.search(kinds=("duty", "fact"), limit=200)
              if f.score >= FLOOR and f not in close and _level_steps(f) and not draft.elsewhere(f)
              and (not subject or _names(f, subject)) and _steps_named(f, steps)]
    # the procedure in one sentence: the statement naming most steps with the level that takes
    # each ("县级自评、市级复核、省级评估、国家认定")
    # ... of the subject the question names, when it names one of a contrasted pair
    lead = max(close, key=lambda f: (not subject or _names(f, subject),
                                     bool(_PROCEDURE.search(f"{f.statement.text} {f.statement.text_zh}")),
                                     len(_level_steps(f)), _steps_named(f, steps), f.score))
    said = draft.say_all([lead], 1)
    if not said:
        return None
    named_steps = _level_steps(lead)
    actors = set(lead.statement.actors)
    items = []
    # the steps' duties share few of the question's words: they are looked for further down;
    # they follow in the order of the steps the lead names
    lead_text = f"{lead.statement.text} {lead.statement.text_zh}".lower()

    def step_order(f: Found) -> int:
        places = [lead_text.find(step) for step in _level_steps(f) & named_steps]
        return min((p for p in places if p >= 0), default=len(lead_text))
    wider = sorted((f for f in draft.search(kinds=("duty",), limit=120)
                    if not draft.elsewhere(f)), key=step_order)
    for f in wider:
        if len(items) >= PROCEDURE_STEPS:
            break
        # each further line is one step of that procedure and the actor that takes it
        # ... of the procedure the lead's document sets, not the like-named step of another
        if f is lead or f.statement.kind != "duty" or set(f.statement.actors) <= actors \
                or not _level_steps(f) & named_steps or f.statement.source != lead.statement.source:
            continue
        # a step's duty repeats the lead's name for the step ("city review (市级复核)"): that is
        # no repeat, the actor and what it must do are what it adds
        if (line := draft.say(f, again=True)) is not None:
            items.append(line)
            actors |= set(f.statement.actors)
    return lead_then_duties(draft, said, items)


# "… who holds it accountable, and what consequences follow?": a second part that asks what
# happens to the actor that fails, answered by the laws' sanctions, not by more duties
_ASKS_CONSEQUENCES = re.compile(r"\bconsequences?\b|\bsanctions?\b|\bpenalt\w*|\bpunish\w*|"
                                r"\bwhat happens\b|\bliable\b|\bliability\b|"
                                r"\bwhat (?:does|do|will) the laws? (?:provide|say happens|impose)\b|"
                                r"\bwhat follows\b|后果|处分|处罚|惩|追责|追究|问责|"
                                r"(?:受到|给予|面临)什么(?:样的)?处理|"
                                r"法律责任", re.IGNORECASE)
# a statement that says what befalls the one that fails: a correction order, criticism,
# sanctions, resignation, appraisal and rewards/penalties on the strength of a report
_SANCTION = re.compile(r"\bcorrect\w* within\b|\bordered\b.{0,60}\bcorrect|\bsanctions?\b|"
                       r"\bdisciplin\w*|\bcriticis\w*|\bresign\w*|\brewards? and (?:penalties|punishments)\b|"
                       r"责令|处分|通报批评|引咎辞职|奖惩", re.IGNORECASE)
CONSEQUENCES = 4  # at most this many sanctions follow
_LIABILITY = re.compile(r"法律责任|\blegal(?:ly)? liab\w*|\bliable\b", re.IGNORECASE)


def _sanction(found: Found) -> bool:
    """Whether a statement says what befalls an actor that fails (a sanction, a liability)."""
    text = f"{found.statement.text} {found.statement.text_zh}"
    return bool(_SANCTION.search(text) or _LIABILITY.search(text))


def _consequences(draft: Draft) -> list[str]:
    """The sanctions the laws and regulations set for an actor that fails its duties, most
    relevant to the question first, each said once."""
    found = [f for f in draft.search(kinds=("duty", "fact"), limit=200)
             if _statutory(f) and not draft.elsewhere(f) and article_numbers(f.statement.locator)
             and _SANCTION.search(f"{f.statement.text} {f.statement.text_zh}")
             and not draft.is_said(f)]
    return draft.say_all(found, CONSEQUENCES)


def responsible(draft: Draft, intent: Intent) -> Composed:
    """The actor's duties as a short list, strongest legal basis first; the sanctions after,
    when the question asks what follows a failure. "Who sanctions it?" is answered by the
    sanction on that failure alone: the others' sanctions are not what is asked."""
    sanctioner = _sanctioner(draft, _named_actor_first(intent, draft.ctx.question))
    if sanctioner is not None:
        return sanctioner
    composed = _responsible(draft, intent)
    if composed is None or not _ASKS_CONSEQUENCES.search(draft.ctx.question):
        return composed
    lines = _consequences(draft)
    if not lines:
        return composed
    body, cites, claims = composed
    body = (body.rstrip() + "\n\n" + t("consequences", draft.language) + "\n"
            + "\n".join(f"- {line}" for line in lines))
    return body, cites, claims


# "who is mainly responsible …": the level the law makes the main one
_MAIN = re.compile(r"\bmain(?:ly)?\b|\bprimar(?:y|ily)\b|\bchiefly\b|\bmostly\b|\bprincipal(?:ly)? "
                   r"responsib|主要|为主|主体", re.IGNORECASE)


def _statutory(found: Found) -> bool:
    return found.located.doc_type in ("law", "regulation")


def _division(draft: Draft, intent: Intent) -> Composed:
    """"Who mainly runs it — the county, the province or the centre?": the level the law makes
    the main one, then the article that divides the roles among the levels asked about, then
    each level's part as that article gives it."""
    groups = intent.actor_groups if len(intent.actor_groups) >= len(intent.either) else intent.either
    if not intent.asks_who or len(groups) < 2:
        return None
    main = bool(_MAIN.search(draft.ctx.question))
    # a choice of two without "mainly" is the either-shape's ("the county or the province?")
    if not main and len(groups) <= len(intent.either):
        return None
    found = [f for f in draft.search(kinds=("duty", "definition"), limit=80)
             if _statutory(f) and not draft.elsewhere(f) and f.score >= FLOOR]
    whole = [f for f in found if _names_levels(f, groups)]
    # "who MAINLY …, A, B or C?" asks for the division itself, however other statements score
    if not whole or (not main and not draft.on_topic(whole, WHO_ON_TOPIC)):
        return None
    # a law's statement of its management system states the division in one sentence
    # ("mainly": the one that names a main level — Art. 7's 为主管理 — before one that names the
    # levels for another matter, such as who sets the per-pupil funding standard)
    whole.sort(key=lambda f: (main and not _MAIN.search(f"{f.statement.text} {f.statement.text_zh}"),
                              f.located.strength, f.statement.kind != "definition", -f.score))
    division = whole[0]
    article = (division.statement.source, division.statement.locator)
    # each level's own line in that article
    parts_of = [f for f in draft.search(kinds=("duty",), limit=200)
                if (f.statement.source, f.statement.locator) == article and f is not division
                and any(set(f.statement.actors) & set(g) for g in groups)]
    lead: list[Found] = []
    if main:
        # "mainly": the level the article calls the main one ("为主管理", "main managers")
        # — its own line, not one that restates the whole division
        mains = [f for f in parts_of if _MAIN.search(f"{f.statement.text} {f.statement.text_zh}")]
        mains.sort(key=lambda f: len(actor_groups(f.statement.text)))
        lead = mains[:1]
    # the division restates the main level's part: it is said all the same, as the basis
    said = draft.say_all(lead, 1) + draft.say_all([division], 1, again=True)
    if not said:
        return None
    if intent.area:
        # the levels asked about one thing ("… decides how teachers are allocated"): the statute's
        # duty on that thing follows the division, so the answer names who does it
        on_it = [f for f in _duties(draft, intent, None) if _statutory(f) and f not in lead
                 and (f.statement.source, f.statement.locator) != article
                 and any(set(f.statement.actors) & set(_bound(g) or g) for g in groups)]
        said += draft.say_all(on_it[:1], 1)
    # the levels in the order asked, each once
    items = []
    for group in groups:
        # the level itself, not one of its departments ("finance departments …")
        own = [f for f in parts_of if group[0] in f.statement.actors and f not in lead]
        items += draft.say_all(own, 1)
    return lead_then_duties(draft, said, items)


# "who holds the county accountable": the body that checks it, not the county's own duties
_ASKS_ACCOUNTABLE = re.compile(r"\bhold\w*\b.{1,40}\b(?:accountable|responsible|to account)\b|"
                               r"\bwho (?:checks|supervises|oversees|inspects|monitors)\b|"
                               r"谁来?(?:问责|追责|追究|监督|督导|检查)|由谁来?(?:问责|追责|追究|监督|督导|检查)|"
                               # "谁负责对县级政府……进行督导": a government or department is checked
                               r"(?:谁|由谁)(?:来|负责)?对[^，。？?]{0,30}?(?:政府|部门)[^，。？?]{0,40}?"
                               r"(?:问责|追责|监督|督导|检查)",
                               re.IGNORECASE)
OVERSIGHT = ("supervision-office",)


def _accountable(draft: Draft, intent: Intent) -> Composed:
    """"Who holds a county accountable?": the supervising body's statutory duties, the
    strongest law first (Compulsory Education Law Art. 8 before the regulations)."""
    if not intent.asks_who or not _ASKS_ACCOUNTABLE.search(draft.ctx.question):
        return None
    found = draft.relevant([f for f in draft.search(kinds=("duty",), actors=OVERSIGHT, limit=60)
                            if _statutory(f) and not draft.elsewhere(f)])
    if not found:
        return None
    found.sort(key=lambda f: (f.located.strength, -f.score))
    lead = draft.say_all(found, 1)
    if not lead:
        return None
    items = draft.say_all([f for f in found[1:] if not draft.is_said(f)], 2)
    return lead_then_duties(draft, lead, items)


# "由谁追究？", "who is liable if …?", "who sanctions …?": who acts on a failure — the article that
# names the body that orders the correction (Art. 53: the higher government or its education
# department) — not who inspects ("由谁问责/监督" stays the supervisor's, above)
_ASKS_WHO_SANCTIONS = re.compile(
    r"谁(?:来|要|会|应当?|将)?(?:追究|追责|处理|处罚|处分|查处|承担(?:法律)?责任|负(?:法律)?责任)|"
    r"\bwho\b[^?.]{0,40}?\b(?:sanctions?|punish\w*|penali[sz]\w*|pursues?|disciplin\w*|liable|"
    r"enforc\w*)\b|"
    # "who is held accountable" (not "who holds it accountable": the supervisor, above) and "who
    # …, and what does the law provide / what follows?" ask what befalls the one that fails
    r"\bwho\b[^?.]{0,40}?\bheld (?:accountable|responsible|liable)\b|"
    # (only "who" is the asking: the failure named between stays for the search below)
    r"\bwho\b(?=[^?]{0,100}?\bwhat (?:does|do|will) the laws? (?:provide|say happens|impose)\b)|"
    r"\bwho\b(?=[^?]{0,100}?\bwhat follows\b)",
    re.IGNORECASE)


def asks_who_sanctions(text: str) -> bool:
    """Whether ``text`` asks who acts on a failure ("who enforces it?", "由谁查处？")."""
    return bool(_ASKS_WHO_SANCTIONS.search(text))
# a statement that names who orders the correction ("由上级人民政府责令限期改正", "ordered by the
# higher government", "correction orders from …", "county education departments must order …")
_NAMES_SANCTIONER = re.compile(r"由[^，。；]{1,40}?责令|\bordered by\b|\bcorrection orders? from\b|"
                               r"\bmust order\b", re.IGNORECASE)


def _offends(found: Found, actors: set[str]) -> bool:
    """Whether the one a sanction punishes is of the kind asked about (a government, a school):
    the words before who orders the correction name it ("县级以上人民政府…将学校分为重点学校的，由…")."""
    kinds = {"school" if actor == "school" else "government" for actor in actors}
    names = {"school": ("学校", "school"), "government": ("人民政府", "government")}
    for text in (found.statement.text, found.statement.text_zh):
        named = _NAMES_SANCTIONER.search(text)
        head = text[:named.start()] if named else ""
        if any(name in head for kind in kinds for name in names[kind]):
            return True
    return False


# the words that ask who acts, not what failed ("who is in charge of stopping …": "charge" is no
# levy of charges)
_IN_CHARGE = re.compile(r"\bin charge of\b|\bresponsible for\b|负责", re.IGNORECASE)


def _sanctioner(draft: Draft, intent: Intent) -> Composed:
    """"县里把学校分成重点校，由谁追究？": the statutory sanction on that failure, which names who
    orders the correction, leads; a second failure the question names ("重点学校或重点班") gets
    its own sanction beside it."""
    question = draft.ctx.question
    if not intent.asks_who or not _ASKS_WHO_SANCTIONS.search(question):
        return None
    found = draft.relevant([f for f in draft.search(kinds=("duty", "fact"), limit=200)
                            if _statutory(f) and not draft.elsewhere(f)
                            and article_numbers(f.statement.locator)
                            and _NAMES_SANCTIONER.search(f"{f.statement.text} {f.statement.text_zh}")])
    # the failure asked about is in the question's rarest words once the asking ("who is held
    # liable", "由谁追究") is set aside: the sanction holding most of them leads ("diverts"), and
    # of those, one punishing the kind of actor the question names ("县里": a government)
    asked = _ASKS_CONSEQUENCES.sub(" ", _ASKS_WHO_SANCTIONS.sub(" ", _IN_CHARGE.sub(" ", question)))
    rare = distinctive(asked, draft.ctx.stats)
    actors = {actor for group in actor_groups(question) for actor in group}

    def held(f: Found) -> set[str]:
        return {term.text for term in rare if _holds(f, [term])}

    found.sort(key=lambda f: (-len(held(f)), not (actors and _offends(f, actors)), -f.score))
    if not found:
        return None
    chosen = [found[0]]
    # a second failure the question names ("重点学校或重点班") has its own sanction: one holding
    # what the lead does not, or punishing the kind of actor named when the lead punishes another
    # (Art. 53's governments beside Art. 57's schools)
    offends = bool(actors) and _offends(found[0], actors)
    second = [f for f in found[1:] if held(f) and (held(f) - held(found[0]) or (
        actors and not offends and _offends(f, actors)))]
    # (the sanctions' shared wording, "情节严重的…给予处分", does not make the second one said)
    lead = draft.say_all(chosen, 1) + draft.say_all(second[:1], 1, again=True)
    return lead_then_duties(draft, lead, []) if lead else None


SUBJECT_CHARS = 8  # a subject this long (Chinese: a third of it) named in the question is its object


def _named_subject(draft: Draft, found: Found) -> int:
    """The length of the longest subject a statement is filed under that the question names
    ("new housing estate", "rotating principals and teachers"); 0 when none is named."""
    question = draft.ctx.question.lower()
    return max((len(subject) * (3 if re.search(r"[\u4e00-\u9fff]", subject) else 1)
                for subject in found.statement.subjects if subject.lower() in question), default=0)


def _holds(found: Found, terms) -> bool:
    """Whether a statement holds one of ``terms`` (either language)."""
    text = f"{found.statement.text} {found.statement.text_zh}"
    tokens = token_set(text)
    return any(matches(term, text, tokens) for term in terms)


def _holding_first(draft: Draft, found: list[Found]) -> list[Found]:
    """``found`` with a lead that holds what the question asks about: when a duty about as
    relevant as the lead, from as strong a source or a law, holds more of the question's rarest
    terms ("农村教师", "工资", "保障" of "农村教师的工资由哪一级政府保障"), the one holding most leads
    (a county's duty to fund small schools shares only "保障" with a question on teachers' pay)."""
    if not found:
        return found
    rare = distinctive(draft.ctx.question, draft.ctx.stats)

    weight = draft.ctx.stats.weight

    def held(f: Found) -> tuple[int, float, float]:
        # the rarest terms held, then the weight of all the question's terms held: of two duties
        # holding "pay" and "teachers", the one that also says "rural" (Art. 31's rural teachers'
        # wages, not Art. 27's subsidies for remote areas)
        text = f"{f.statement.text} {f.statement.text_zh}"
        tokens = token_set(text)
        # ... then of the terms the subjects it is filed under hold ("pay parity", not "hardship
        # subsidies" that says "pay" only as a verb)
        return (sum(matches(term, text, tokens) for term in rare),
                round(sum(weight(term) for term in draft.ctx.terms if matches(term, text, tokens)), 6),
                round(_filed_weight(draft, f), 6))

    if not rare:
        return found
    mine = held(found[0])
    names_actor = _names_an_actor(draft)
    close = [f for f in found[1:8] if f.score >= TOPIC_TIE * found[0].score and held(f) > mine
             and not draft.elsewhere(f) and not _sanction(f)
             and (f.located.strength <= found[0].located.strength or _statutory(f))]
    if not close:
        return found
    # "who …?": of duties holding as much, one that names who acts
    best = max(close, key=lambda f: (held(f), names_actor(f), -f.located.strength, f.score))
    return [best, *[f for f in found if f is not best]]


# a clause that hands the detail to another body ("具体办法由省、自治区、直辖市规定", "the State
# Council must set the concrete rules") says who writes the rules, not what must be done
_DELEGATES = re.compile(r"具体办法由|办法由[^，。]{1,20}规定|\b(?:concrete|specific|detailed) rules\b",
                        re.IGNORECASE)
# ... which is what a question asks that is about the rules themselves
_ASKS_RULES = re.compile(r"\brules?\b|\bsets?\b|\bdetermin\w*|制定|规定|办法", re.IGNORECASE)


def _duty_before_delegation(draft: Draft, found: list[Found]) -> list[Found]:
    """``found`` with a duty that says what the actor must do before a clause of the same or a
    weaker source that only delegates the detail (Art. 12: "当地人民政府应当…提供平等接受义务教育的
    条件" before "具体办法由省规定"), unless the question asks who sets the rules."""
    if not found or _ASKS_RULES.search(draft.ctx.question):
        return found
    lead = found[0]
    if not _DELEGATES.search(f"{lead.statement.text} {lead.statement.text_zh}"):
        return found
    close = [f for f in found[1:8] if f.score >= TOPIC_TIE * lead.score and _obliges(f)
             and not _DELEGATES.search(f"{f.statement.text} {f.statement.text_zh}")
             and f.located.strength <= lead.located.strength and not _sanction(f)
             and not draft.elsewhere(f)]
    if not close:
        return found
    return [close[0], *[f for f in found if f is not close[0]]]


# "which laws say …", "哪些法律规定": every law that puts the duty, not one sentence
_ASKS_LAWS = re.compile(r"\bwhich (?:laws|acts|statutes|legal provisions|regulations)\b|"
                        r"\b(?:laws|statutes) (?:say|require|assign)|哪些法律|哪些法规|哪几部法|哪些法",
                        re.IGNORECASE)


def _other_laws(draft: Draft, found: list[Found], asked: bool = False) -> list[Found]:
    """For a question that asks which laws put a duty (``asked``: or whose area's duty binds
    every level, as pay does): the best duty of each other law or regulation (one per
    document, of the question's own province only) that shares the lead's words of the
    question, in order of legal strength."""
    if not found or not (asked or _ASKS_LAWS.search(draft.ctx.question)):
        return []
    lead = found[0]
    candidates = found[1:12]
    if asked:
        # the other laws' duties on what the lead says, however little of the question's wording
        # they share (the Teachers Law's "教师的平均工资…" beside Art. 31's "保障教师工资" for a
        # question on "教师工资保障"): looked for by the lead's own words
        words = content_terms(lead.statement.in_language(draft.language))
        more = draft.search(terms=with_known_parts(words, draft.ctx.stats),
                            kinds=("duty",), limit=30)
        candidates += [f for f in more if f.located.doc_type in ("law", "regulation")
                       and all(f.statement.id != c.statement.id for c in candidates)]
    best: dict[str, Found] = {}
    # of a law's duties, the one filed under the thing asked ("pay parity" for salaries, not
    # "hardship subsidies" that holds "pay" only as a verb), then the best scoring
    for f in sorted(candidates, key=lambda f: (-_filed_weight(draft, f), -f.score)):
        if (_statutory(f) and f.statement.source != lead.statement.source
                and f.statement.source not in best and not draft.elsewhere(f) and _obliges(f)
                and (f in found or not _sanction(f))
                and (f.score >= RELATIVE * lead.score if f in found else True)
                and _shares_lead(draft, lead, f)):
            best[f.statement.source] = f
    return sorted(best.values(), key=lambda f: (f.located.strength, -f.score))


def _filed_weight(draft: Draft, found: Found) -> float:
    """The weight of the question's terms that the subjects a statement is filed under hold."""
    text = " ".join(found.statement.subjects)
    tokens = token_set(text)
    return sum(draft.ctx.stats.weight(term) for term in draft.ctx.terms
               if matches(term, text, tokens))


def _object_first(draft: Draft, found: list[Found]) -> list[Found]:
    """``found`` with the duty on the very thing the question asks about first: of the duties
    about as relevant as the lead, the one filed under the longest subject the question names
    (a school for a new housing estate, not housing for teachers; rotating teachers, not
    appointing principals)."""
    if not found:
        return found
    # what befalls an actor that fails is no duty on the object ("学校布局规划" of Art. 52)
    # ... nor is a power what it must do (Art. 43's "may set higher" after Art. 44's "must")
    close = [f for f in found[:8] if f.score >= RELATIVE * found[0].score and not _sanction(f)
             and (_obliges(f) or not _obliges(found[0])) and not draft.elsewhere(f)
             and f.located.strength <= found[0].located.strength]
    if not close:
        return found
    best = max(close, key=lambda f: _named_subject(draft, f))
    named = _named_subject(draft, best)
    # a lead gives way to a duty on a much more specific subject the question names
    if named >= SUBJECT_CHARS and named > 2 * _named_subject(draft, found[0]):
        return [best, *[f for f in found if f is not best]]
    return found


# "who must approve a closure, and what procedure must be followed?": the steps asked for are
# said beside the actor, not left to a list of its other duties
_ASKS_STEPS = re.compile(r"\b(?:what|which) (?:\w+ )?(?:procedures?|steps|process)\b|"
                         r"(?:什么|哪些|怎样的?)(?:程序|步骤|流程|手续)", re.IGNORECASE)
STEP_LINES = 2  # at most this many statements of the procedure follow the lead


def _procedure_lines(draft: Draft) -> list[str]:
    """For a who-question that also asks what procedure must be followed: the statements about
    as relevant as the best that describe a procedure (a duty's or the sources' own account of
    it, or that the sources leave it unconfirmed), best first; [] when none is asked or found."""
    if not _ASKS_STEPS.search(draft.ctx.question):
        return []
    found = draft.search(kinds=("duty", "fact"), limit=40)
    if not found:
        return []
    top = found[0].score
    steps = [f for f in found if f.score >= max(FLOOR, LIST_RELATIVE * top)
             and _PROCEDURE.search(f"{f.statement.text} {f.statement.text_zh}")
             and not draft.elsewhere(f) and not draft.is_said(f)]
    return draft.say_all(steps, STEP_LINES)


def _actor_named(draft: Draft, found: list[Found], line: str) -> str:
    """The opening of a who-answer names who acts: a lead duty whose sentence names no actor
    ("Compulsory Education Law Art. 31 requires that teachers' average pay …") is introduced by
    the actor it binds ("Governments at all levels carry this duty: …")."""
    said = next((f for f in found if draft.is_said(f)), None)
    if said is None or not said.statement.actors or _names_an_actor(draft)(said):
        return line
    actor = _level_name(said.statement.actors[:1], draft.language, heading=True)
    return t("duty_of", draft.language, actor=actor) + line


SITUATION_FACTS = 1  # at most this many facts on the situation (targets, the standard) follow


def _situation(draft: Draft, intent: Intent) -> tuple[str, ...]:
    """The problems a who-question describes in a sentence or clause of its own, outside the
    one that asks who ("Our county still has classes of more than 66 pupils. Who …?"); a problem
    named in the asking itself ("who must pay teachers' salaries") is its subject, not a scene."""
    if not intent.asks_who or not intent.problems:
        return ()
    clauses = re.split(r"[,，;；。？?！!]|\.\s", draft.ctx.question)
    scene = " ".join(c for c in clauses if c.strip() and not _WHO.search(c))
    return tuple(p for p in stated_problems(scene) if p in intent.problems) if scene else ()


def _names_situation(problems: tuple[str, ...]):
    """Whether a statement names (either language) a problem the question describes."""
    cues = [PROBLEM_CUES[p] for p in problems if p in PROBLEM_CUES]

    def names(found: Found) -> bool:
        return any(cue.search(text) for cue in cues
                   for text in (found.statement.text, found.statement.text_zh))
    return names


def _situation_first(draft: Draft, intent: Intent, found: list[Found]) -> list[Found]:
    """"Our county still has classes of more than 66 pupils: who is responsible for eliminating
    them?": the situation the question describes (large classes) decides which duty answers —
    the duty that names it leads (the county's duty to eliminate large classes), not one that
    shares a word with the question ("classes" of the key-class ban, Art. 22)."""
    problems = _situation(draft, intent)
    if not problems or not found:
        return found
    names = _names_situation(problems)
    names_actor = _names_an_actor(draft)
    # ... and says who acts: a guideline's target ("须全面消除") names no one
    if names(found[0]) and names_actor(found[0]):
        return found
    wider = found + [f for f in draft.search(kinds=("duty",), limit=200) if f not in found]
    on = [f for f in wider if names(f) and _obliges(f) and not _sanction(f)
          and f.score >= FLOOR and not draft.elsewhere(f)]
    if not on:
        return found
    on.sort(key=lambda f: (not names_actor(f), f.located.strength, -f.score))
    return on + [f for f in found if f not in on]


def _situation_facts(draft: Draft, intent: Intent) -> list[str]:
    """For a who-question set in a situation: the facts that name it (the targets and the
    standard it is measured by), beside the duty, best first."""
    problems = _situation(draft, intent)
    if not problems:
        return []
    names = _names_situation(problems)
    facts = [f for f in draft.search(kinds=("fact", "definition"), limit=60)
             if names(f) and f.score >= FLOOR and not draft.elsewhere(f) and not draft.is_said(f)
             and f.statement.certainty != "unconfirmed"
             # a target or a standard is a figure: a summary that names the problem is not one
             and re.search(r"\d", f.statement.text)]
    # the documents' own targets before an analysis's statistics
    facts.sort(key=lambda f: (f.located.strength, -f.score))
    return draft.say_all(facts, SITUATION_FACTS)


LEVELS = ("central-government", "provincial-government", "county-government")


def _role_duty(draft: Draft, actors: tuple[str, ...]) -> Found | None:
    """The actor's part in the statute article that gives each level of government its role
    (an article with duties of the State Council, the provinces and the counties); None when
    no article divides the roles."""
    duties = [f for f in draft.search(kinds=("duty",), limit=400) if _statutory(f)]
    levels: dict[tuple[str, str], set[str]] = {}
    for f in duties:
        key = (f.statement.source, f.statement.locator)
        levels.setdefault(key, set()).update(a for a in f.statement.actors if a in LEVELS)
    roles = [f for f in duties if set(actors) & set(f.statement.actors) and
             len(levels[(f.statement.source, f.statement.locator)]) >= len(LEVELS)]
    roles.sort(key=lambda f: (f.located.strength, -f.score))
    return roles[0] if roles else None


_CLAUSES = re.compile(r"[,，;；。？?！!]")


def _without_scenes(question: str) -> str:
    """The question without the clauses that set a scene ("如果县里在评估中弄虚作假", "if a county
    falsifies its data"): a procedure named there is not what is asked about."""
    kept = [_TRAILING_CONDITION.sub("", c) for c in _CLAUSES.split(question)
            if c.strip() and not _CONDITION.search(c)]
    return "，".join(c for c in kept if c.strip()) or question


def _named_actor_first(intent: Intent, question: str) -> Intent:
    """"县级教育督导部门负有哪些职责？如果…，谁要承担责任？": a first part that names an actor and asks
    its duties is about that actor, though a later part asks who; the later part is its own."""
    asked = split(question)
    if (intent.asks_who and intent.actors and len(asked) == 2 and not _WHO.search(asked[0])
            and _actors(asked[0])):
        return replace(intent, asks_who=False, actors=_actors(asked[0]))
    return intent


def _responsible(draft: Draft, intent: Intent) -> Composed:
    """The actor's duties as a short list, strongest legal basis first."""
    intent = _named_actor_first(intent, draft.ctx.question)
    procedure = _procedure_actors(draft, intent)
    if procedure is not None:
        return procedure
    accountable = _accountable(draft, intent)
    if accountable is not None:
        return accountable
    each = _each_level(draft, intent)
    if each is not None:
        return each
    division = _division(draft, intent)
    if division is not None:
        return division
    if len(intent.either) == 2:
        either = _either_level(draft, intent)
        if either is not None:
            return either
    if len(intent.actor_groups) >= 2 and not intent.asks_who:
        both = _both_levels(draft, intent)
        if both is not None:
            return both
    overview = _areas_overview(draft)
    if overview is not None and (said := draft.say_all([overview], 1)):
        # the areas are the answer: one level's duties would answer "what does the county do"
        return finish(draft, said)
    # "who is responsible for … in our county?": the county is where, not necessarily who
    actors = None if intent.asks_who else (intent.actors or None)
    found = _duties(draft, intent, actors)
    bound = _bound(actors)
    laws_of_all: list[Found] = []
    # ... and so does the law's duty on the area asked about ("县级政府在教师工资保障上有什么责任":
    # Art. 31's pay parity binds every level, the county's own line is only the evaluation's)
    if bound != actors and (_MUST_DO.search(draft.ctx.question) or intent.area):
        # a duty of all levels that fits the question better leads (teachers' pay at the
        # civil-servant average, Art. 31, for "what does the county have to do"); the list stays
        # the named level's own
        wide = _duties(draft, intent, bound)
        if wide and wide[0] not in found and (not found or wide[0].score > found[0].score):
            found = [wide[0], *found]
            # the other laws' duties on the same thing follow the law that leads (CEL Art. 31,
            # then Teachers Law Art. 25)
            laws_of_all = [wide[0], *[f for f in wide[1:] if f not in found]]
    # "who must …?" is answered by a duty even when an overview of the law scores higher
    if not draft.on_topic(found, WHO_ON_TOPIC if intent.asks_who else ON_TOPIC):
        # "our county rotates few teachers: what are we required to do?": the duties filed under
        # the problem the question describes (their subjects name it), when its words are not theirs
        found = _problem_duties(draft, intent, actors)
        if not found:
            return None
    own: list[Found] = []
    if draft.asks_for_law():
        # "what is it legally responsible for": the actor's duties in laws and regulations, when
        # there are enough of them to answer (a law's wording shares fewer words with the
        # question than a policy's, so they are looked for further down)
        wider = draft.search(kinds=("duty",), actors=actors, limit=80)
        legal = draft.relevant([f for f in wider if f.located.doc_type in ("law", "regulation")])
        found = legal if len(legal) >= 2 else found
    named = bool(actors) and not intent.asks_who
    if named and draft.asks_for_law():
        # "what is the county legally responsible for": the actor's own statutory duties each
        # belong in the answer, however few of the question's words they share
        own = _own_legal_duties(draft, intent)
        found = found + [f for f in own if f not in found]
    # "which level of government …?" is answered by a duty that names one
    # "who is responsible for migrant children's places?": a statute filed under the subject
    # asked about counts as naming it (Art. 12 never says 随迁子女)
    # "what is the province responsible for": what it must do leads, before a power it has over
    # the very subject asked about (Art. 43's "may set a higher standard"), and the statute
    # before the policy that carries it out
    found = draft.lead(found, prefer=_names_an_actor(draft) if intent.asks_who else
                       _named_duty if named else _obliges,
                       filed_topic=intent.asks_who, prefer_first=named,
                       strength_first=True if named else None)
    if named and intent.area is None and not draft.topic_names():
        # "what are the province's responsibilities?" (no area, no subject): its role in the
        # article that divides the work among the levels leads (Art. 7: 省级统筹规划实施)
        role = _role_duty(draft, intent.actors[:1])
        if role is not None:
            found = [role, *[f for f in found if f.statement.id != role.statement.id]]
    # "who …?" names no actor: the thing asked about is all the question holds
    found = _object_first(draft, _holding_first(draft, found) if intent.asks_who else found)
    found = _duty_before_delegation(draft, found)
    found = _situation_first(draft, intent, found)
    lead = draft.say_all(found, 1)
    if lead and intent.asks_who:
        lead[0] = _actor_named(draft, found, lead[0])
    if lead:
        lead += draft.say_all(_other_laws(draft, found), 3)
        if laws_of_all and found[0] is laws_of_all[0] and intent.area:
            lead += draft.say_all(_other_laws(draft, laws_of_all, asked=True), 2)
        lead += _procedure_lines(draft)
        lead += _situation_facts(draft, intent)
    # a further duty shares about as much of the question as the lead: one word in common
    # ("housing" in a question about schools for new housing estates) is not enough
    close = [f for f in found[1:8] if f.score >= LIST_RELATIVE * found[0].score
             and f.coverage >= LIST_COVERAGE * found[0].coverage]
    # ... and most of the lead's words of the question ("housing" of "help rural teachers with
    # housing"): a duty to train the same teachers answers another question
    close = [f for f in close if _shares_lead(draft, found[0], f)]
    # a province's own rule is no further duty of a question that does not name the province
    close = [f for f in close if not draft.elsewhere(f)]
    rare = distinctive(draft.ctx.question, draft.ctx.stats) if intent.asks_who else []
    # "who must approve a closure …?" names no actor: a further duty holds what is asked about
    # (closure, approval), not only the place it shares ("village schools" of rotation)
    close = [f for f in close if not rare or _holds(f, rare)]
    # ... but the named actor's own statutory duties are each a further duty
    close = [f for f in own if f is not found[0]] + [f for f in close if f not in own]
    # a duty that restates the lead (the same article in other words) takes no place in the list
    close = [f for f in close if not draft.is_said(f)]
    on_subject = [f for f in found[1:] if draft.names_topic(f) and not draft.is_said(f)
                  and not draft.elsewhere(f) and (not rare or _holds(f, rare))]
    if on_subject:
        # the duties about the subject asked about, then at most two of the actor's others (its
        # own statutory duties when those are asked for); all in order of legal strength
        room = 3 if own else min(2, max(0, 4 - len(on_subject)))
        others = [f for f in close if f not in on_subject][:room]
        chosen = on_subject[:5] + others
    else:
        chosen = close
    # in order of legal strength; a named actor's own duties before those it shares
    chosen = sorted(chosen, key=lambda f: (f.located.strength, named and not _own_level(f),
                                           -f.score))
    items = draft.say_all(chosen, 5)
    return lead_then_duties(draft, lead, items)
