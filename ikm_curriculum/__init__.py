"""ikm-curriculum: workbooks, exercises, grading and reports for the training of sentra IKM managers."""

__version__ = "0.1.0"
