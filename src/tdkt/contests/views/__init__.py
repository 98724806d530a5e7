"""Screens of the writing contest."""
