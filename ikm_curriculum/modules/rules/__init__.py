"""Tata tertib sentra (the centre's house rules): rules as data, checked against a log of events.

Public contract (other people's scripts call these; keep them stable)::

    from ikm_curriculum.modules import rules
    ruleset = rules.load(path_or_text)          # a YAML rule set (format: :mod:`.ruleset`); errors name rule and line
    rules.check(ruleset, events)                # DataFrame: rule, member, time, evidence, sanction
    rules.lint(path_or_text)                    # every problem of a rule set, never raises on a text
    rules.template()                            # the template rule set of a centre with a UPT (Indonesian)

One file per concept: :mod:`.ruleset` (format and data model), :mod:`.reader`
(YAML with line numbers), :mod:`.lint`, :mod:`.events` (the event log),
:mod:`.checker`, :mod:`.checks` and :mod:`.fees_check` (violations), :mod:`.sanctions`
(the escalation ladder), :mod:`.evidence` (sentences of evidence).
``load`` and ``lint`` read the one file a caller names; nothing else here
touches the file system.
"""

from ikm_curriculum.modules.rules.api import check, check_violations, lint, load, template, template_text

__all__ = ["check", "check_violations", "lint", "load", "template", "template_text"]
