"""The curriculum schema. These pydantic models are the only definition of the file
format; ``handbook schema`` exports them as JSON Schema for editors.

Structure (ids, order, minutes, references) is written once; every piece of prose is
a ``Text``: a mapping from language code to text, so a missing translation is a
validation problem rather than a silent gap.
"""

from __future__ import annotations

import datetime
import re
import typing
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PositiveInt,
    PrivateAttr,
    StringConstraints,
)

from .document import Document


class LocalizedText(dict[str, str]):
    """A validated ``Text`` value; its own type lets checks find every prose field."""


Text = Annotated[
    dict[str, str],
    AfterValidator(LocalizedText),
    Field(description="The same text in each configured language, keyed by language code."),
]
ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
Id = Annotated[
    str,
    StringConstraints(pattern=f"^{ID_PATTERN.pattern}$"),
    Field(description="Lower-case letters, digits and single hyphens, e.g. `sister-projects`."),
]


class Strict(BaseModel):
    # YAML gives real types; refuse silent coercion ("10" is not 10) and unknown keys.
    model_config = ConfigDict(extra="forbid", strict=True)


class FileModel(Strict):
    """A model loaded from a file of its own; remembers the file for error positions."""

    _document: Document | None = PrivateAttr(default=None)

    @property
    def document(self) -> Document:
        assert self._document is not None, "model was not loaded from a file"
        return self._document


# machine-drafted: written or translated by a machine, unreviewed;
# draft: written by a person, not yet reviewed by a second fluent speaker;
# reviewed: checked by the fluent speaker named in `reviewer`.
ReviewStatus = Literal["machine-drafted", "draft", "reviewed"]


class Review(Strict):
    status: ReviewStatus
    reviewer: str | None = None
    date: datetime.date | None = None


# buffer: time held back for logins, Wi-Fi and late starts; planned, not taught.
SegmentKind = Literal["talk", "demo", "hands-on", "discussion", "quiz", "break", "buffer"]


class Objective(Strict):
    id: Id
    text: Text


class Segment(Strict):
    minutes: PositiveInt
    kind: SegmentKind
    title: Text
    cue: Text = Field(description="One line for the printed run sheet: what the trainer does.")
    script: Text = Field(description="What the trainer says and does.")
    mentors: Text | None = Field(
        default=None,
        description="What the peer mentors do meanwhile (workshops with peer mentors).")
    materials: Text | None = None
    objectives: list[Id] = Field(default_factory=list, description="Objectives practised.")
    exercise: Id | None = Field(default=None, description="Exercise run in this segment.")
    handouts: list[Id] = Field(default_factory=list, description="Printed handouts it uses.")


class Checklists(Strict):
    before: list[Text] = Field(min_length=1)
    during: list[Text] = Field(min_length=1)
    after: list[Text] = Field(min_length=1)


class ExerciseRef(Strict):
    id: Id
    objectives: list[Id] = Field(default_factory=list, description="Objectives it practises.")


class QuizOption(Strict):
    text: Text
    feedback: Text = Field(
        description="Shown when this option is chosen: why it is right, or the misconception "
        "a wrong choice reveals.",
    )


class QuizQuestion(Strict):
    id: Id
    question: Text
    options: list[QuizOption] = Field(min_length=2)
    correct: PositiveInt = Field(description="Position of the correct option, counting from 1.")
    explanation: Text
    objectives: list[Id] = Field(default_factory=list, description="Objectives it assesses.")


class QuestionAnswer(Strict):
    question: Text
    answer: Text


class Resource(Strict):
    title: str
    url: str
    language: str = Field(description="Language code of the resource itself.")


class Source(Strict):
    id: Id
    title: str
    url: str


class Module(FileModel):
    id: Id
    order: PositiveInt = Field(description="Position in the handbook's list of modules.")
    duration: PositiveInt = Field(description="Minutes; the segments must add up to it.")
    title: Text
    summary: Text
    audience: Text
    learner_profile: Text = Field(
        description="Who this is for and what they already know, in a few lines.")
    prerequisites: list[Id] = Field(default_factory=list, description="Module ids.")
    objectives: list[Objective] = Field(min_length=1)
    segments: list[Segment] = Field(min_length=1)
    checklists: Checklists
    exercises: list[ExerciseRef] = Field(default_factory=list)
    quiz: list[QuizQuestion] = Field(min_length=1)
    key_points: list[Text] = Field(
        min_length=1, description="What to remember, shown at the end of the module.")
    questions: list[QuestionAnswer] = Field(min_length=1, description="Common questions.")
    resources: list[Resource] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1, description="Sources for factual claims.")
    review: dict[str, Review] = Field(description="Translation review status per language.")


class Exercise(FileModel):
    id: Id
    minutes: PositiveInt
    title: Text
    instructions: Text = Field(description="What the learner does.")
    expected: Text = Field(description="What the learner should have at the end.")
    trainer_notes: Text
    handouts: list[Id] = Field(default_factory=list, description="Printed handouts it uses.")
    review: dict[str, Review]


Clock = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$"),
                  Field(description="24-hour local time, HH:MM, quoted: \"09:30\".")]


class Slot(Strict):
    start: Clock
    minutes: PositiveInt
    kind: Literal["module", "break", "custom"]
    module: Id | None = Field(default=None, description="For kind: module, the module's id.")
    title: Text | None = Field(default=None, description="For a break or a custom item.")
    note: Text | None = None
    presenters: list[str] = Field(default_factory=list,
                                  description="Who leads it (user names), where known.")


class Day(Strict):
    date: datetime.date
    title: Text
    audience: Text
    start: Clock
    end: Clock
    slots: list[Slot] = Field(min_length=1)


class Programme(FileModel):
    id: Id
    title: Text
    summary: Text
    venue: Text
    timezone: str = Field(description="IANA time zone of the venue, e.g. Asia/Dushanbe.")
    country: Annotated[str, StringConstraints(pattern="^[A-Z]{2}$")] | None = Field(
        default=None, description="ISO 3166 code of the venue's country, e.g. TJ.")
    days: list[Day] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
    review: dict[str, Review]


class Requirement(Strict):
    """Something a step of the trainer pathway asks for; the record's lines name it by id."""

    id: Id
    text: Text


class Section(Strict):
    id: Id
    title: Text
    body: Text
    checklist: list[Text] = Field(default_factory=list, description="Rendered as tick boxes.")
    requirements: list[Requirement] = Field(
        default_factory=list, description="A pathway step's requirements (section id = step), "
        "rendered as tick boxes; lines of the trainers record name them in `met`.")
    modules: list[Id] = Field(
        default_factory=list, description="The modules a pathway step covers (printed on its "
        "certificates).")


class Guide(FileModel):
    """A handbook page made of sections: FAQ, event checklists, mentor guide, pathway."""

    id: Id
    order: PositiveInt
    title: Text
    summary: Text
    sections: list[Section] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
    review: dict[str, Review]


class TermSource(Strict):
    """Where the preferred wording comes from: the interface message tgwiki shows, when
    there is one, or the handbook's own decision."""

    message: str | None = Field(default=None, description="Interface message key, e.g. "
                                "`summary-preview`.")
    file: str | None = Field(default=None, description="Message file, e.g. "
                             "`wikimedia/mediawiki languages/i18n/tg-cyrl.json`.")
    text: str | None = Field(default=None, description="The message text as shipped; … marks "
                             "an excerpt.")
    note: str | None = None


class OpenQuestion(Strict):
    """The Tajik Wikipedia interface names the thing otherwise than the handbook: not the
    handbook's to decide alone. The glossary page shows both forms as to be settled with the
    community; meanwhile texts use `term` only (CUR080 flags the other form)."""

    interface: str = Field(description="The form the wiki's interface shows, e.g. Викианбор.")
    note: str | None = Field(default=None, description="Why it is open, for maintainers.")


class Term(Strict):
    id: Id
    term: Text = Field(description="The preferred term in each language.")
    definition: Text
    avoid: dict[str, list[str]] = Field(
        default_factory=dict, description="Per language, variants not to use (CUR080 flags "
        "them, inflected forms too, and suggests `term`).")
    open_question: dict[str, OpenQuestion] = Field(
        default_factory=dict, description="Per language, an interface form that differs from "
        "`term`, to be settled with the community.")
    source: TermSource | None = None


class Glossary(FileModel):
    id: Literal["glossary"]
    terms: list[Term] = Field(min_length=1)
    review: dict[str, Review]


class Handout(FileModel):
    """A printed A4 page for the room: a worksheet, fact card, set of cards to cut out…"""

    id: Id
    title: Text
    copies: Text = Field(description="How many to print, e.g. \"one per pair\".")
    exercise: Id | None = Field(
        default=None, description="Print this exercise's title and instructions on the sheet.")
    body: Text | None = Field(default=None, description="Markdown printed on the sheet.")
    cards: list[Text] = Field(default_factory=list,
                              description="Cards to cut out, printed in a grid after the body.")
    review: dict[str, Review]


# --- Events: one training as it was planned, held and reported (events/<id>.yml) ---

Unknown = Literal["unknown"]
Count = Annotated[int, Field(ge=0)]
Minutes = Count
Username = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True),
                     Field(description="A Wikimedia username as written on the wiki, or the "
                           "name as a public source writes it.")]


class Venue(Strict):
    name: Text
    city: Text
    country: Annotated[str, StringConstraints(pattern="^[A-Z]{2}$")] = Field(
        description="ISO 3166 code, e.g. TJ.")
    address: Text | None = Field(default=None, description="Where in the city, if stated.")


class EventLinks(Strict):
    meta: str | None = Field(default=None, description="The Meta-Wiki event or report page.")
    dashboard: str | None = Field(
        default=None, description="The Programs & Events Dashboard course slug as the Dashboard "
        "writes it, e.g. `Tajik_Wikimedians_User_Group/Some_Course`.")
    hashtag: str | None = Field(default=None, description="The edit-summary hashtag, without #.")


# consent: publish: the person agreed (or a public source they are named in is the basis
# stated in `people.basis`) that this username appears in the record and its reports.
Consent = Literal["publish", "withheld"]


class Person(Strict):
    username: Username
    role: Text
    consent: Consent | None = Field(
        default=None, description="`publish` when the person agreed to be named; without "
        "it the username is refused (count the person instead).")


ParticipantKind = Literal["active-contributors", "newcomers", "mentors", "other"]


class ParticipantCount(Strict):
    date: datetime.date
    kind: ParticipantKind
    count: Count | Unknown = Field(description="How many; `unknown` when not recorded.")
    note: Text | None = Field(default=None, description="Who they were, as recorded.")


class People(Strict):
    basis: Text | None = Field(
        default=None, description="Why the named people may be published (their consent, "
        "or the public report that already names them).")
    trainers: list[Person] = Field(default_factory=list)
    mentors: list[Person] = Field(default_factory=list)
    participants: list[ParticipantCount] = Field(
        default_factory=list, description="Counts per day and kind; never names.")
    named: list[Person] = Field(
        default_factory=list, description="Participants and others named in the record "
        "(elected, thanked), each with `consent: publish`.")


class Session(Strict):
    """What was delivered in one programme slot (found by its day and planned start), or a
    session the programme did not plan (no `start`)."""

    date: datetime.date
    start: Clock | None = Field(
        default=None, description="The programme slot's planned start; none for an "
        "unplanned session.")
    module: Id | None = Field(default=None, description="The module delivered, if any.")
    title: Text | None = Field(default=None, description="For a session without a module.")
    delivered: bool | Unknown = Field(
        default=True, description="`false` if the slot was dropped, `unknown` if no record "
        "says.")
    led_by: list[Username] = Field(default_factory=list, description="Usernames of those who "
                                   "led it (listed under `people`).")
    planned: Minutes | Unknown | None = Field(
        default=None, description="Planned minutes; default: the programme slot's.")
    actual: Minutes | Unknown = Field(default="unknown", description="Minutes it really took.")
    segments: list[Minutes | Unknown] = Field(
        default_factory=list, description="Actual minutes of each of the module's segments, "
        "in order (empty: not recorded); compared per segment while the module keeps that "
        "number of segments.")
    notes: Text | None = Field(default=None, description="What happened, as recorded.")
    changes: Text | None = Field(default=None, description="What changed against the plan "
                                 "and why.")


class Election(Strict):
    username: Username
    to: Text = Field(description="The position, e.g. contact person of the group.")
    term_months: PositiveInt | Unknown = "unknown"


class Decision(Strict):
    date: datetime.date
    body: Text = Field(description="Who decided, e.g. the General Assembly.")
    decided: Text = Field(description="What was decided.")
    elected: list[Election] = Field(default_factory=list)
    vote: Text | None = Field(default=None, description="The vote as stated, e.g. unanimous.")


class Thanks(Strict):
    date: datetime.date | None = None
    by: Text
    people: list[Username] = Field(min_length=1)
    reason: Text


class Lesson(Strict):
    """In the shape of Meta-Wiki's learning patterns."""

    problem: Text
    what_we_did: Text
    what_we_would_change: Text


OutcomeMetric = Literal[
    "participants", "new-editors", "retained-new-editors", "articles-created",
    "articles-edited", "bytes-added", "references-added", "total-edits", "uploads",
    "uploads-used-in-articles", "upload-usage-count", "article-views",
]


class Outcome(Strict):
    metric: OutcomeMetric
    value: Count | Unknown
    source: str = Field(description="Where the number comes from, e.g. the Dashboard's "
                        "overview CSV of the course.")
    date: datetime.date | None = Field(default=None,
                                       description="When it was taken; required for a number.")
    note: Text | None = None


class Assessment(Strict):
    """The before/after self-assessment of one module objective at an event, as aggregates
    only (`handbook event assess`): never an individual answer, never fewer than 5."""

    module: Id
    objective: Id
    answers: Count = Field(description="How many answered; at least 5, else not recorded.")
    before: float = Field(description="Mean confidence before the session, 1–5.")
    after: float = Field(description="Mean confidence after the session, 1–5.")
    date: datetime.date = Field(description="When the answers were imported.")


class Event(FileModel):
    id: Id
    title: Text
    programme: Id | None = Field(default=None, description="The programme it ran.")
    dates: list[datetime.date] = Field(min_length=1)
    format: Literal["in-person", "online", "hybrid"] = "in-person"
    venue: Venue
    organiser: Text
    links: EventLinks = Field(default_factory=EventLinks)
    status: Literal["planned", "held", "reported"]
    summary: Text = Field(description="What the event was for and what it achieved, in a "
                          "few lines.")
    people: People = Field(default_factory=People)
    sessions: list[Session] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    thanks: list[Thanks] = Field(default_factory=list)
    lessons: list[Lesson] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    assessments: list[Assessment] = Field(
        default_factory=list, description="Self-assessment aggregates per module objective.")
    sources: list[Source] = Field(default_factory=list)
    review: dict[str, Review]


# The trainer pathway's steps, in order; the pathway guide has a section for each.
Step = Literal["trainee", "peer-mentor", "co-trainer", "lead-trainer"]
STEPS: tuple[str, ...] = typing.get_args(Step)
PATHWAY_GUIDE = "trainer-pathway"


class Holder(Strict):
    user: Username
    step: Step


class Founding(Strict):
    """The group's decision that starts the record: its first lead trainers, and anyone it
    places directly at a later step for work done before the record existed."""

    date: datetime.date
    holders: list[Holder] = Field(min_length=1, description="At least one lead trainer.")
    decision: Text = Field(description="What the group decided, and on what basis.")
    source: str = Field(description="Where the decision (or its basis) is published.")


class StepLine(Strict):
    """One step reached by one person, confirmed by lead trainers."""

    user: Username = Field(description="Wikimedia username, as the person uses it.")
    step: Step
    event: Id | None = Field(default=None, description="The event (events/<id>.yml).")
    date: datetime.date
    confirmed_by: list[Username] = Field(
        default_factory=list, description="Lead trainers' usernames; empty only for a first "
        "lead trainer, whom the founding decision confirms.")
    consent: Consent | None = Field(
        default=None, description="`publish`: the person agreed, or the public report that "
        "names them in this role is the basis (say so in `basis`); anything else: no line.")
    met: list[Id] = Field(default_factory=list,
                          description="Ids of the step's requirements (pathway guide) met.")
    basis: Text = Field(description="The evidence for this line.")


class TrainerRecord(FileModel):
    """The group's record of the trainer pathway: one line per step reached."""

    id: Literal["trainers"]
    founding: Founding
    lines: list[StepLine] = Field(default_factory=list)
    review: dict[str, Review]


KINDS: dict[str, type[FileModel]] = {
    "module": Module, "exercise": Exercise, "programme": Programme, "guide": Guide,
    "glossary": Glossary, "handout": Handout, "event": Event, "trainers": TrainerRecord,
}
