"""Vietnamese and English labels of the closed vocabularies (glossary.md, contract table)."""

from __future__ import annotations

CODE_LABELS = {
    "vi": {
        "advanced_worker": "Lao động tiên tiến",
        "grassroots_emulation_fighter": "Chiến sĩ thi đua cơ sở",
        "provincial_emulation_fighter": "Chiến sĩ thi đua cấp bộ, ngành, tỉnh (thành phố)",
        "national_emulation_fighter": "Chiến sĩ thi đua toàn quốc",
        "advanced_collective": "Tập thể lao động tiên tiến",
        "excellent_collective": "Tập thể lao động xuất sắc",
        "provincial_emulation_flag": "Cờ thi đua cấp bộ, ngành, tỉnh (thành phố)",
        "government_emulation_flag": "Cờ thi đua của Chính phủ",
        "certificate_of_merit": "Giấy khen",
        "provincial_certificate_of_commendation": (
            "Bằng khen của Bộ trưởng / Chủ tịch UBND cấp tỉnh"
        ),
        "prime_minister_certificate_of_commendation": "Bằng khen của Thủ tướng Chính phủ",
        "labour_order_third_class": "Huân chương Lao động hạng Ba",
    },
    "en": {
        "advanced_worker": "Advanced Worker",
        "grassroots_emulation_fighter": "Grassroots Emulation Fighter",
        "provincial_emulation_fighter": "Provincial Emulation Fighter",
        "national_emulation_fighter": "National Emulation Fighter",
        "advanced_collective": "Advanced Collective",
        "excellent_collective": "Excellent Collective",
        "provincial_emulation_flag": "Provincial Emulation Flag",
        "government_emulation_flag": "Government Emulation Flag",
        "certificate_of_merit": "Certificate of Merit",
        "provincial_certificate_of_commendation": "Provincial Certificate of Commendation",
        "prime_minister_certificate_of_commendation": (
            "Prime Minister's Certificate of Commendation"
        ),
        "labour_order_third_class": "Labour Order, Third Class",
    },
}

RATING_LABELS = {
    "vi": {
        "excellent": "Hoàn thành xuất sắc nhiệm vụ",
        "good": "Hoàn thành tốt nhiệm vụ",
        "complete": "Hoàn thành nhiệm vụ",
        "incomplete": "Không hoàn thành nhiệm vụ",
    },
    "en": {
        "excellent": "Completed tasks excellently",
        "good": "Completed tasks well",
        "complete": "Completed tasks",
        "incomplete": "Did not complete tasks",
    },
}

DISCIPLINE_LABELS = {
    "vi": {
        "reprimand": "khiển trách",
        "warning": "cảnh cáo",
        "demotion": "hạ bậc/cách chức",
        "dismissal": "buộc thôi việc",
    },
    "en": {
        "reprimand": "reprimand",
        "warning": "warning",
        "demotion": "demotion",
        "dismissal": "dismissal",
    },
}

SCOPE_LABELS = {
    "vi": {"grassroots": "cơ sở", "provincial": "cấp bộ/tỉnh", "national": "toàn quốc"},
    "en": {"grassroots": "grassroots", "provincial": "ministry/provincial", "national": "national"},
}

FIELD_LABELS = {
    "vi": {
        "members_completing_tasks": "hoàn thành nhiệm vụ",
        "members_advanced_worker": "đạt Lao động tiên tiến",
        "members_grassroots_fighter": "đạt Chiến sĩ thi đua cơ sở",
        "members_disciplined_warning_or_above": "bị kỷ luật từ cảnh cáo trở lên",
    },
    "en": {
        "members_completing_tasks": "completed their tasks",
        "members_advanced_worker": "are Advanced Workers",
        "members_grassroots_fighter": "are Grassroots Emulation Fighters",
        "members_disciplined_warning_or_above": "were disciplined with a warning or heavier",
    },
}

VOTE_LABELS = {
    "vi": {
        "not_required": "không cần bỏ phiếu",
        "pending": "chờ bỏ phiếu",
        "passed": "đạt",
        "failed": "không đạt",
    },
    "en": {
        "not_required": "not required",
        "pending": "pending",
        "passed": "passed",
        "failed": "failed",
    },
}

LANGUAGES = ("vi", "en")
