"""Choices and fixed names of the indicators app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a dossier reached the one-stop shop ("Hình thức nộp")."""

    ONLINE = "online", _("Trực tuyến")
    COUNTER = "counter", _("Trực tiếp")
    POST = "post", _("Bưu chính")


class Dataset(models.TextChoices):
    """The data sets an import replaces, each with its own revision counter."""

    INDICATORS = "indicators", _("Chỉ tiêu")
    PROCEDURES = "procedures", _("Hồ sơ thủ tục hành chính")


# Indicator figures: up to 20 integer digits (VND amounts of a whole province) and 6 decimals.
VALUE_DIGITS = 26
VALUE_DECIMALS = 6
# The Vietnamese currency: a unit of account with rate 1 in every conversion.
HOME_CURRENCY = "VND"
