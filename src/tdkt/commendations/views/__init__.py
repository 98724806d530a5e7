"""Screens of the commendation app, one module per subject."""
