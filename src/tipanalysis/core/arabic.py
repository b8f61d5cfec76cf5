"""Arabic number agreement: counted nouns and ordinals, as an Arabic writer writes them.

The rules are those of ``docs/arabic_style.md`` (section J): the singular's gender decides;
1 and 2 are written as words (``مؤشر واحد``, ``دولتان``); 3-10 take the opposite gender and a
plural noun; 11-99 a singular noun in the accusative; hundreds a singular genitive. Digits are
Western (0-9), as in Kuwaiti official media.
"""

from __future__ import annotations

__all__ = ["NOUNS", "count_phrase", "ordinal"]


def __dir__() -> list[str]:
    return __all__


_WORDS_M = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة",
            10: "عشرة"}
_WORDS_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}

#: noun -> (singular, singular accusative, dual nominative, dual accusative/genitive, plural,
#: gender of the singular)
NOUNS: dict[str, tuple[str, str, str, str, str, str]] = {
    "دولة": ("دولة", "دولة", "دولتان", "دولتين", "دول", "f"),
    "مؤشر": ("مؤشر", "مؤشراً", "مؤشران", "مؤشرين", "مؤشرات", "m"),
    "تقرير": ("تقرير", "تقريراً", "تقريران", "تقريرين", "تقارير", "m"),
    "قضية": ("قضية", "قضية", "قضيتان", "قضيتين", "قضايا", "f"),
    "عام": ("عام", "عاماً", "عامان", "عامين", "أعوام", "m"),
    "متهم": ("متهم", "متهماً", "متهمان", "متهمين", "متهمين", "m"),
    "ضحية": ("ضحية", "ضحية", "ضحيتان", "ضحيتين", "ضحايا", "f"),
    "شخص": ("شخص", "شخصاً", "شخصان", "شخصين", "أشخاص", "m"),
    "توصية": ("توصية", "توصية", "توصيتان", "توصيتين", "توصيات", "f"),
    "دولة مانحة": ("دولة مانحة", "دولة مانحة", "دولتان مانحتان", "دولتين مانحتين",
                   "دول مانحة", "f"),
    "فترة": ("فترة", "فترة", "فترتان", "فترتين", "فترات", "f"),
    "مشاهدة": ("مشاهدة", "مشاهدة", "مشاهدتان", "مشاهدتين", "مشاهدات", "f"),
    "صيغة": ("صيغة", "صيغة", "صيغتان", "صيغتين", "صيغ", "f"),
    "خانة": ("خانة", "خانة", "خانتان", "خانتين", "خانات", "f"),
    "مقياس": ("مقياس", "مقياساً", "مقياسان", "مقياسين", "مقاييس", "m"),
    "انتقال": ("انتقال", "انتقالاً", "انتقالان", "انتقالين", "انتقالات", "m"),
}

_ORDINAL_M = {1: "الأول", 2: "الثاني", 3: "الثالث", 4: "الرابع", 5: "الخامس", 6: "السادس",
              7: "السابع", 8: "الثامن", 9: "التاسع", 10: "العاشر"}
_ORDINAL_F = {1: "الأولى", 2: "الثانية", 3: "الثالثة", 4: "الرابعة", 5: "الخامسة",
              6: "السادسة", 7: "السابعة", 8: "الثامنة", 9: "التاسعة", 10: "العاشرة"}


def count_phrase(n: int, noun: str, case: str = "nom", words: bool = True) -> str:
    """A count of ``noun`` with Arabic agreement.

    Parameters
    ----------
    n : int
        The count (0 or more).
    noun : str
        A key of :data:`NOUNS`.
    case : {"nom", "acc"}
        Nominative, or accusative/genitive (the dual and ``واحد`` change).
    words : bool
        Write 3-10 as words (running prose) rather than digits (tables).

    Examples
    --------
    >>> count_phrase(1, "مؤشر", "acc"), count_phrase(2, "دولة"), count_phrase(4, "دولة")
    ('مؤشراً واحداً', 'دولتان', 'أربع دول')
    >>> count_phrase(3, "تقرير"), count_phrase(20, "مؤشر"), count_phrase(105, "مؤشر")
    ('ثلاثة تقارير', '20 مؤشراً', '105 مؤشرات')
    >>> count_phrase(11, "دولة"), count_phrase(100, "دولة"), count_phrase(0, "قضية")
    ('11 دولة', '100 دولة', '0 قضية')
    """
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    sg, sg_acc, du_nom, du_acc, pl, gender = NOUNS[noun]
    if n == 1:
        one = "واحدة" if gender == "f" else ("واحداً" if case == "acc" else "واحد")
        return f"{sg_acc if case == 'acc' else sg} {one}"
    if n == 2:
        return du_nom if case == "nom" else du_acc
    rest = n % 100
    if 3 <= n <= 10:
        number = (_WORDS_F if gender == "f" else _WORDS_M)[n] if words else str(n)
        return f"{number} {pl}"
    if 3 <= rest <= 10:
        return f"{n} {pl}"
    if 11 <= rest <= 99:
        return f"{n} {sg_acc}"
    return f"{n} {sg}"


def ordinal(n: int, gender: str = "m") -> str:
    """Definite ordinal agreeing with a masculine (``العام``) or feminine (``المرتبة``) noun.

    Above ten the press form with digits is used (``الـ13``).

    Examples
    --------
    >>> ordinal(3), ordinal(2, "f"), ordinal(13)
    ('الثالث', 'الثانية', 'الـ13')
    """
    if n < 1:
        raise ValueError(f"an ordinal starts at 1: {n}")
    table = _ORDINAL_F if gender == "f" else _ORDINAL_M
    return table.get(n, f"الـ{n}")
