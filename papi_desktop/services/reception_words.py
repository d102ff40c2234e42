"""The reception statistics in English, for the English interface and `--lang en reception stats`.
The official report keeps reception.statistics_paragraph's Vietnamese; this says the same in English."""

from __future__ import annotations

from .reception import ReceptionStats, statistics_paragraph

CLASS_EN = {"khieu_nai": "complaints", "to_cao": "denunciations", "kien_nghi": "petitions", "phan_anh": "feedback"}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _delegations(c, classes: set[str] | None = None) -> str:  # noqa: ANN001 - a reception.Counts
    if not c.delegations:
        return "with no large delegation"
    tail = f" about {CLASS_EN[next(iter(classes))]}" if classes and len(classes) == 1 else ""
    return (f"including {_count(c.delegations, 'large delegation', 'large delegations')} of "
            f"{_count(c.delegation_citizens, 'citizen', 'citizens')}{tail}")


def statistics_paragraph_en(st: ReceptionStats, leaders_of: str = "the commune People's Committee") -> str:
    """reception.statistics_paragraph in English: the same figures, sentence by sentence."""
    t, r, lead = st.total, st.regular, st.leaders
    since = f"From {st.start:%d/%m/%Y} to {st.end:%d/%m/%Y}, "
    if not t.receptions:
        return since + "no citizens were received."

    def visits(c) -> str:  # noqa: ANN001
        return f"{_count(c.receptions, 'visit', 'visits')} of {_count(c.citizens, 'citizen', 'citizens')}"

    regular = (f"Regular reception: {visits(r)}, {_delegations(r, st.delegation_classes.get('regular'))}."
               if r.receptions else "No regular reception.")
    leaders = (f"{visits(lead)}, {_delegations(lead, st.delegation_classes.get('leaders'))}." if lead.receptions
               else "none.")
    return (f"{since}the commune received {visits(t)}, {_delegations(t)}. {regular} Periodic and unscheduled receptions "
            f"by the leaders of {leaders_of}: {leaders}")


def statistics_text(st: ReceptionStats, lang: str) -> str:
    """The paragraph in the chosen language."""
    return statistics_paragraph_en(st) if lang == "en" else statistics_paragraph(st)
