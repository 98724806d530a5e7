from django.apps import AppConfig


class EmulationGroupsConfig(AppConfig):
    name = "tdkt.emulation_groups"
    label = "emulation_groups"
    verbose_name = "Giao ước, chấm điểm và bầu khối trưởng"
