"""Manajemen mutu (quality management): control charts, Pareto analysis, 5R.

One file per concept:

* :mod:`.constants` — control-chart factors d2, d3, A2, D3, D4 (Montgomery, Appendix VI);
* :mod:`.control_charts` — x̄-R chart limits;
* :mod:`.pareto` — Pareto table and the "vital few";
* :mod:`.five_r` — the 5R (Ringkas, Rapi, Resik, Rawat, Rajin) and workplace scenarios;
* :mod:`.commodities` — product profiles of Kendari's sentra IKM (quality characteristic, defects);
* :mod:`.exercises` — the module's exercise generators (``EXERCISES``).

Pure Python + numpy: no Jupyter, no database, no file I/O.
"""
