"""In-app notifications with unread counts, and the same message by e-mail.

Other apps call ``tdkt.notifications.services.notify`` (or ``notify_organizations``) inside
their own service's transaction; the rows commit with the change they announce and the e-mails
are sent by a background task after the commit (docs/decisions/0602).
"""
