"""Single-object reads the registry selectors do not offer yet, built on those selectors.

``zone_get`` belongs in ``tdkt.organizations.selectors``; it lives here until that module
gains it, and is written only in terms of ``zone_list`` so the scope rules stay in one place.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.utils.translation import gettext as _

from tdkt.core.errors import NotFoundError
from tdkt.organizations.models import IndustrialZone
from tdkt.organizations.selectors import zone_list


def zone_get(*, actor: Any, uuid: UUID | str) -> IndustrialZone:
    """Return one industrial zone visible to the actor (zones are shared reference data)."""
    zone = zone_list(actor=actor).filter(uuid=uuid).first()
    if zone is None:
        raise NotFoundError(_("Không tìm thấy khu công nghiệp."))
    return zone
