"""Vietnamese number format: Django's vi locale names "." as the thousands separator but sets no
grouping, so ``floatformat:"0g"`` printed 1234567; Vietnamese writes 1.234.567."""

NUMBER_GROUPING = 3
