"""Screens of movements and registrations."""
