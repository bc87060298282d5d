"""Public functions of the module Tata tertib sentra: :func:`load`, :func:`lint`, :func:`check`, :func:`template`.

>>> from ikm_curriculum.modules.rules import api
>>> rs = api.template()
>>> len(rs.rules) >= 8, api.lint(rs)
(True, [])
"""

from __future__ import annotations

from importlib import resources

from ikm_curriculum.modules.rules.checker import Violation, check, check_violations
from ikm_curriculum.modules.rules.lint import LintIssue, lint
from ikm_curriculum.modules.rules.ruleset import RuleSet, load

__all__ = ["load", "lint", "check", "check_violations", "template", "template_text", "RuleSet", "LintIssue"]
__all__ += ["Violation"]

TEMPLATE = "template_upt.yaml"
"""File name of the template rule set shipped in this package."""
TEMPLATE_SOURCE = (
    "Teaching example of this project: a fictional food-processing centre with a UPT. Its fee, late fee, hours, "
    "limits and window are illustrations; a levy on a regional facility follows the city's regional regulation "
    "(Perda retribusi), and the rest is agreed by the centre's members."
)
TEMPLATE_DATE = "2026-11-28"
"""When the template's numbers were set (ISO date); they rest on no regulation."""
TEMPLATE_CERTAINTY = "check"


def template_text() -> str:
    """The YAML text of the template rule set of a centre with a UPT (in Indonesian, to adapt).

    A fictional food-processing centre; its amounts are examples: a levy follows the city's
    regional regulation (Perda retribusi) — check.

    >>> template_text().splitlines()[0].startswith("#")
    True
    """
    return resources.files("ikm_curriculum.modules.rules").joinpath(TEMPLATE).read_text(encoding="utf-8")


def template() -> RuleSet:
    """The template rule set, loaded (:func:`template_text`).

    >>> from ikm_curriculum.modules.rules.ruleset import KINDS
    >>> sorted({r.kind for r in template().rules}) == sorted(KINDS)
    True
    """
    return load(template_text())
