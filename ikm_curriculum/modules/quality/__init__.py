"""Manajemen mutu (quality management): pure calculations, the module's exercises and worked examples.

Public contract (other people's scripts call these; keep them stable)::

    from ikm_curriculum.modules import quality
    quality.control_chart_constants(5)["A2"]          # 0.577
    quality.xbar_r_chart(subgroups).to_dict()          # {"xbar": {...}, "range": {...}, "out_of_control": [...]}
    quality.xbar_s_chart(subgroups).to_dict()          # {"xbar": {...}, "s": {...}, "out_of_control": [...]}
    quality.p_chart(defectives, sample_sizes).to_dict()
    quality.process_capability(values, lsl, usl, sigma=None, target=None).to_dict()
    quality.sampling_plan(lot_size, aql, level="II", inspection="normal").to_dict()
    quality.oc_curve(n, c, fractions)

One file per concept:

* :mod:`.constants` — control-chart factors for n = 2–25 (Montgomery, Appendix VI), carried and computed;
* :mod:`.control_charts` — x̄-R, x̄-s and I-MR charts, Phase I revision;
* :mod:`.attribute_charts` — p, np, c and u charts;
* :mod:`.run_rules` — Western Electric / Nelson run rules;
* :mod:`.capability` — Cp, Cpk, Pp, Ppk, Cpm, ppm out of specification;
* :mod:`.pareto`, :mod:`.qc_tools` — Pareto table, check sheet, histogram summary, fishbone (6M);
* :mod:`.sampling`, :mod:`.iso2859_tables` — acceptance sampling per ISO 2859-1 (SNI ISO 2859-1), OC curve;
* :mod:`.five_r`, :mod:`.five_r_audit` — the 5R, workplace scenarios, the 5R audit checklist;
* :mod:`.cppb_irt` — CPPB-IRT inspection findings and the resulting level (rule kept as data);
* :mod:`.commodities` — product profiles of Kendari's sentra IKM (quality characteristic, defects);
* :mod:`.exercises`, :mod:`.worked_examples` — the workbook's exercise generators and worked examples.

Pure Python + numpy: no Jupyter, no database, no file I/O.
"""

from ikm_curriculum.modules.quality.attribute_charts import c_chart, np_chart, p_chart, u_chart
from ikm_curriculum.modules.quality.capability import capability_from_subgroups, process_capability
from ikm_curriculum.modules.quality.constants import control_chart_constants
from ikm_curriculum.modules.quality.control_charts import imr_chart, xbar_r_chart, xbar_s_chart
from ikm_curriculum.modules.quality.cppb_irt import inspection_level
from ikm_curriculum.modules.quality.five_r_audit import compare_audits, score_audit
from ikm_curriculum.modules.quality.pareto import pareto_table
from ikm_curriculum.modules.quality.qc_tools import Fishbone, check_sheet, histogram_summary
from ikm_curriculum.modules.quality.run_rules import run_rules
from ikm_curriculum.modules.quality.sampling import oc_curve, sampling_plan

__all__ = [
    "Fishbone",
    "c_chart",
    "capability_from_subgroups",
    "check_sheet",
    "compare_audits",
    "control_chart_constants",
    "histogram_summary",
    "imr_chart",
    "inspection_level",
    "np_chart",
    "oc_curve",
    "p_chart",
    "pareto_table",
    "process_capability",
    "run_rules",
    "sampling_plan",
    "score_audit",
    "u_chart",
    "xbar_r_chart",
    "xbar_s_chart",
]
