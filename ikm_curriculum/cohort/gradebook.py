"""The gradebook: cohorts, participants, exercise instances and keys, submissions, scores.

A SQLAlchemy 2 database: by default a SQLite file ``ikm.db`` in the workspace
(WAL journal, foreign keys on), or any SQLAlchemy URL (e.g. PostgreSQL) from
``IKM_DATABASE_URL`` or the workspace config. Every write that belongs together
happens in one transaction (``with gradebook.transaction() as session``).

The schema version is stored in the ``meta`` table; :func:`Gradebook.open`
refuses a database written by a newer version and upgrades an older one.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import Any, Iterator

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    sessionmaker,
)

from ikm_curriculum.errors import WorkspaceError

SCHEMA_VERSION = 4
"""1: first release. 2: adds the tables ``cohort_info`` and ``certificates``. 3: indexes ``responses.submission_id``
(reading a cohort's answers no longer scans every cohort's). 4: adds ``hub_logins`` (the PIN hashes of ``ikm serve``).
Upgrades only add tables and indexes."""


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, datetime: DateTime(timezone=True)}


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Cohort(Base):
    __tablename__ = "cohorts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    secret: Mapped[str] = mapped_column(String(128))
    lang: Mapped[str] = mapped_column(String(8), default="id")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    participants: Mapped[list[Participant]] = relationship(
        back_populates="cohort", order_by="Participant.roster_row", cascade="all, delete-orphan"
    )


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("cohort_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"))
    code: Mapped[str] = mapped_column(String(64))
    roster_row: Mapped[int] = mapped_column(Integer)
    nama: Mapped[str] = mapped_column(String(200))
    sentra: Mapped[str] = mapped_column(String(200))
    komoditas: Mapped[str] = mapped_column(String(200))
    kabupaten_kota: Mapped[str] = mapped_column(String(200))
    jabatan: Mapped[str] = mapped_column(String(200), default="")
    telepon: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    cohort: Mapped[Cohort] = relationship(back_populates="participants")


class ExerciseInstanceRow(Base):
    """One participant's variant of one exercise, with its key (never released)."""

    __tablename__ = "exercise_instances"
    __table_args__ = (UniqueConstraint("participant_id", "exercise_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    module: Mapped[str] = mapped_column(String(64))
    exercise_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    public: Mapped[dict[str, Any]] = mapped_column(JSON)
    key: Mapped[dict[str, Any]] = mapped_column(JSON)
    max_points: Mapped[float] = mapped_column(Float)
    graded: Mapped[bool] = mapped_column(Boolean)
    participant: Mapped[Participant] = relationship()


class Submission(Base):
    """One accepted answer file; the latest attempt per (participant, workbook) counts."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("participant_id", "workbook", "attempt"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    workbook: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    attempt: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    raw: Mapped[str] = mapped_column(Text)
    responses: Mapped[list[Response]] = relationship(back_populates="submission", cascade="all, delete-orphan")


class Response(Base):
    __tablename__ = "responses"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    exercise_id: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    saved_at: Mapped[str] = mapped_column(String(40), default="")
    submission: Mapped[Submission] = relationship(back_populates="responses")


class GradingRun(Base):
    __tablename__ = "grading_runs"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="running")
    notebook_path: Mapped[str] = mapped_column(Text, default="")
    n_participants: Mapped[int] = mapped_column(Integer, default=0)
    n_scores: Mapped[int] = mapped_column(Integer, default=0)


class Score(Base):
    """Points for one item of one participant; ``method`` is 'auto', 'manual' or 'sim' (the simulation run)."""

    __tablename__ = "scores"
    __table_args__ = (UniqueConstraint("participant_id", "exercise_id", "method"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    exercise_id: Mapped[str] = mapped_column(String(100))
    method: Mapped[str] = mapped_column(String(8))
    points: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_points: Mapped[float] = mapped_column(Float)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"), nullable=True)
    run_id: Mapped[str | None] = mapped_column(ForeignKey("grading_runs.id"), nullable=True)
    scored_at: Mapped[datetime] = mapped_column(default=utcnow)


class CohortInfo(Base):
    """What the report's cover says of a cohort's training: title, place, dates, facilitators, organiser."""

    __tablename__ = "cohort_info"
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    organiser: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    facilitators: Mapped[list[str]] = mapped_column(JSON, default=list)


class Certificate(Base):
    """A certificate of completion issued to a participant; ``code`` is printed on it and checked by ``ikm verify``."""

    __tablename__ = "certificates"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), unique=True)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    percent: Mapped[float] = mapped_column(Float)
    participant: Mapped[Participant] = relationship()


class HubLogin(Base):
    """A login of ``ikm serve``: a participant (username = participant code) or a facilitator (an admin).

    Only a hash of the PIN is kept (see :mod:`ikm_curriculum.serve.pins`); the PIN itself is printed once, on the card.
    """

    __tablename__ = "hub_logins"
    __table_args__ = (UniqueConstraint("cohort_id", "username"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"))
    username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id"), nullable=True)
    pin_hash: Mapped[str] = mapped_column(String(256))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Gradebook:
    """A connection to one gradebook database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str, create: bool = False) -> Gradebook:
        """Open the gradebook at ``url``; with ``create`` make its tables if missing."""
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        gradebook = cls(engine)
        if create:
            Base.metadata.create_all(engine)
            with gradebook.transaction() as session:
                if session.get(Meta, "schema_version") is None:
                    session.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
        gradebook._check_version(engine.url.render_as_string(hide_password=True))
        gradebook._upgrade()
        return gradebook

    def _upgrade(self) -> None:
        """Bring an older gradebook to :data:`SCHEMA_VERSION` (every upgrade so far only adds tables and indexes)."""
        with self.transaction() as session:
            row = session.get(Meta, "schema_version")
            if row is None or int(row.value) >= SCHEMA_VERSION:
                return
            connection = session.connection()
            Base.metadata.create_all(connection)  # new tables, with their indexes
            for table in Base.metadata.sorted_tables:  # new indexes on tables that were already there
                for index in table.indexes:
                    index.create(connection, checkfirst=True)
            row.value = str(SCHEMA_VERSION)

    def _check_version(self, url: str) -> None:
        """``url`` is shown in messages: without its password."""
        try:
            with self.session() as session:
                row = session.get(Meta, "schema_version")
        except Exception as exc:
            if isinstance(exc, OperationalError) and self.engine.dialect.name != "sqlite":
                # a database server that is down, or a wrong host, user or password
                raise WorkspaceError(f"cannot reach the gradebook at {url}: {exc.orig}") from exc
            # a file that is not a gradebook at all
            raise WorkspaceError(f"{url} is not an ikm gradebook ({exc.__class__.__name__}: {exc})") from exc
        if row is None:
            raise WorkspaceError(f"{url} has no schema version; is it an ikm gradebook? Run `ikm init`.")
        version = int(row.value)
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"{url} has gradebook schema {version}, newer than this ikm-curriculum "
                f"(schema {SCHEMA_VERSION}); upgrade ikm-curriculum"
            )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (no commit)."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose writes commit together, or not at all."""
        with self._sessions() as session, session.begin():
            yield session

    def cohort(self, session: Session, name: str) -> Cohort:
        """The cohort called ``name``; the error lists the cohorts that exist."""
        cohort = session.scalar(select(Cohort).where(Cohort.name == name))
        if cohort is None:
            known = session.scalars(select(Cohort.name).order_by(Cohort.name)).all()
            raise WorkspaceError(f"no cohort {name!r} in the gradebook; cohorts: {', '.join(known) or '(none)'}")
        return cohort

    def dispose(self) -> None:
        self.engine.dispose()
