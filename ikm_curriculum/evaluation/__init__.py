"""Evaluation of the training: the pre-test / post-test item bank."""

from ikm_curriculum.evaluation.item_bank import ItemBank, TestItem, load_item_bank, shuffled_options, test_form_items

__all__ = ["ItemBank", "TestItem", "load_item_bank", "shuffled_options", "test_form_items"]
