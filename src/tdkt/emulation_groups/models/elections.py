"""The yearly election of a block's leader (khối trưởng) and deputy (khối phó)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.emulation_groups.constants import ElectionState


class Election(models.Model):
    """The members' vote on who leads the block in ``year`` (held at the previous year's review).

    Closing it records the outcome as the registry's ``GroupLeadership`` of ``year``; a
    leadership without a closed election is history recorded without a vote.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        "organizations.EmulationGroup", on_delete=models.PROTECT, related_name="elections"
    )
    year = models.PositiveSmallIntegerField(_("năm nhiệm kỳ"))
    state = models.CharField(
        max_length=10, choices=ElectionState.choices, default=ElectionState.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    leader = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    deputy = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bầu khối trưởng, khối phó")
        verbose_name_plural = _("bầu khối trưởng, khối phó")
        ordering = ["group_id", "-year", "-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "year"],
                condition=~models.Q(state="cancelled"),
                name="one_live_election_per_group_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} {self.year}"


class Vote(models.Model):
    """One member's open vote (cast by its representative): a leader and, optionally, a
    deputy. One per member and election, enforced by the database."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    cast_at = models.DateTimeField()
    leader = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    deputy = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["election", "voter"], name="one_vote_per_member"),
            models.CheckConstraint(
                condition=~models.Q(leader=models.F("deputy")), name="vote_leader_not_deputy"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.election}: {self.voter}"
