"""Views that belong to no domain app: the dashboard (and, until they move to
``tdkt.accounts``, sign-in and password change). Domain screens live in their own app."""
