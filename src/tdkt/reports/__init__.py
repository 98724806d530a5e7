"""Statutory statistics forms, the Board's annual report and the dashboards (issue #10 §5).

The app owns little data of its own: the officer's text of each annual-report section
(``ReportNarrative``). Every figure is read at request time from the apps that own it
(commendations, movements, indicators) through their selectors, and documents are rendered by
``tdkt.documents.official`` from plain dataclasses (decision 0701).
"""
