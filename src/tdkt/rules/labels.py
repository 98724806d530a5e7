"""Vietnamese and English labels of the closed vocabularies (glossary.md, contract table).

Each vocabulary is a mapping value → `Text`; `label(vocabulary, value, lang)` reads one.
The per-language dictionaries below (`CODE_LABELS["vi"]["advanced_worker"]`) are views of
the same data for the message templates.
"""

from __future__ import annotations

from collections.abc import Mapping

from .codes import AWARDS
from .text import LANGUAGES, Text

AWARD_LABELS: dict[str, Text] = {a.code: a.label for a in AWARDS}

RATING_TEXT = {
    "excellent": Text("Hoàn thành xuất sắc nhiệm vụ", "Completed tasks excellently"),
    "good": Text("Hoàn thành tốt nhiệm vụ", "Completed tasks well"),
    "complete": Text("Hoàn thành nhiệm vụ", "Completed tasks"),
    "incomplete": Text("Không hoàn thành nhiệm vụ", "Did not complete tasks"),
}
DISCIPLINE_TEXT = {
    "reprimand": Text("khiển trách", "reprimand"),
    "warning": Text("cảnh cáo", "warning"),
    "demotion": Text("hạ bậc/cách chức", "demotion"),
    "dismissal": Text("buộc thôi việc", "dismissal"),
}
SCOPE_TEXT = {
    "grassroots": Text("cơ sở", "grassroots"),
    "provincial": Text("cấp bộ/tỉnh", "ministry/provincial"),
    "national": Text("toàn quốc", "national"),
}
FIELD_TEXT = {
    "members_completing_tasks": Text("hoàn thành nhiệm vụ", "completed their tasks"),
    "members_advanced_worker": Text("đạt Lao động tiên tiến", "are Advanced Workers"),
    "members_grassroots_fighter": Text(
        "đạt Chiến sĩ thi đua cơ sở", "are Grassroots Emulation Fighters"
    ),
    "members_disciplined_warning_or_above": Text(
        "bị kỷ luật từ cảnh cáo trở lên", "were disciplined with a warning or heavier"
    ),
}
VOTE_TEXT = {
    "not_required": Text("không cần bỏ phiếu", "not required"),
    "pending": Text("chờ bỏ phiếu", "pending"),
    "passed": Text("đạt", "passed"),
    "failed": Text("không đạt", "failed"),
}
SUBJECT_TEXT = {
    "individual": Text("Cá nhân", "Individual"),
    "collective": Text("Tập thể", "Collective"),
}
CATEGORY_TEXT = {
    "title": Text("Danh hiệu thi đua", "Emulation title"),
    "form": Text("Hình thức khen thưởng", "Commendation form"),
}

VOCABULARIES: dict[str, Mapping[str, Text]] = {
    "award": AWARD_LABELS,
    "rating": RATING_TEXT,
    "discipline": DISCIPLINE_TEXT,
    "scope": SCOPE_TEXT,
    "field": FIELD_TEXT,
    "vote": VOTE_TEXT,
    "subject": SUBJECT_TEXT,
    "category": CATEGORY_TEXT,
}


def label(vocabulary: str, value: str, lang: str = "vi") -> str:
    """Return the label of a vocabulary value in a language."""
    return VOCABULARIES[vocabulary][value].get(lang)


def _by_lang(texts: Mapping[str, Text]) -> dict[str, dict[str, str]]:
    return {lang: {key: text.get(lang) for key, text in texts.items()} for lang in LANGUAGES}


CODE_LABELS = _by_lang(AWARD_LABELS)
RATING_LABELS = _by_lang(RATING_TEXT)
DISCIPLINE_LABELS = _by_lang(DISCIPLINE_TEXT)
SCOPE_LABELS = _by_lang(SCOPE_TEXT)
FIELD_LABELS = _by_lang(FIELD_TEXT)
VOTE_LABELS = _by_lang(VOTE_TEXT)

__all__ = [
    "CODE_LABELS",
    "DISCIPLINE_LABELS",
    "FIELD_LABELS",
    "LANGUAGES",
    "RATING_LABELS",
    "SCOPE_LABELS",
    "VOCABULARIES",
    "VOTE_LABELS",
    "label",
]
