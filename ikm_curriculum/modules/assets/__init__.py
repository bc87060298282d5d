"""Pengelolaan aset dan administrasi (asset management and administration): pure calculations.

Public contract (other people's scripts call these; keep them stable)::

    from ikm_curriculum.modules import assets
    assets.depreciation_schedule(cost, useful_life_years, acquired, residual=0, period="year")
        # DataFrame: period, depreciation, accumulated, book_value (period: "year", "semester" or "month")
    assets.book_value(cost, useful_life_years, acquired, as_of, residual=0, period="year")   # whole rupiah
    assets.reconcile(register, count).to_dict()   # lists found, missing, surplus, condition_changed, ...
    assets.classify_industry(workers, investment)                 # "kecil", "menengah" or "besar"
    assets.classify_business(capital=None, annual_sales=None)     # "mikro", "kecil", "menengah" or "besar"

One file per concept:

* :mod:`.cards` — asset cards KIB A–F, conditions B / RR / RB, cards not depreciated;
* :mod:`.register` — asset records in the KIB layout, totals, tables (cells read by
  :mod:`ikm_curriculum.modules.table_cells`);
* :mod:`.useful_lives` — the table of useful lives (data with source and date; a city can replace it);
* :mod:`.depreciation` — straight-line schedules per year, semester or month; book value;
* :mod:`.reconciliation` — an inventory count against the register;
* :mod:`.use_forms`, :mod:`.use_agreements` — forms of use (sewa, pinjam pakai, KSP, BGS/BSG) and their checks;
* :mod:`.cash_book`, :mod:`.cash_book_check`, :mod:`.fees`, :mod:`.machine_use` — the centre's books;
* :mod:`.size_class` — size class of a member under the industry rule and the business rule.

Pure Python + numpy/pandas: no Jupyter, no database, no file I/O
(:mod:`ikm_curriculum.register_files` reads and writes register files).
"""

from ikm_curriculum.modules.assets.depreciation import book_value, depreciation_schedule
from ikm_curriculum.modules.assets.reconciliation import reconcile
from ikm_curriculum.modules.assets.size_class import classify_business, classify_industry

__all__ = ["book_value", "classify_business", "classify_industry", "depreciation_schedule", "reconcile"]
