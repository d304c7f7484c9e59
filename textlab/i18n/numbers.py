"""Numbers, percentages, sizes, dates and plural forms as each language writes them (Babel's CLDR rules).

Portuguese writes 1.557,5 and 84,1%; English 1,557.5 and 84.1%. Every number that reaches the
screen goes through here, so one page never mixes the two.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

_LOCALES = {"pt": "pt_BR", "en": "en_US"}
# What plotly's layout.separators wants: the decimal mark, then the thousands mark.
PLOTLY_SEPARATORS = {"pt": ",.", "en": ".,"}
MISSING = "—"
HUGE = 1e15  # from here on numbers are written as 1,5E20
_FIXED = re.compile(r",?\.(\d+)f")
_PERCENT = re.compile(r",?\.(\d+)%")


@cache
def locale(lang: str) -> Locale:
    return Locale.parse(_LOCALES.get(lang, "en_US"))


def _is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_decimal(value: float | None, lang: str, decimals: int = 4, *, fixed: bool = True,
                   signed: bool = False) -> str:
    """``value`` grouped, with ``decimals`` decimals (exactly that many when ``fixed``, else up to).

    ``signed`` writes the plus sign too: +0,5.
    """
    if _is_missing(value):
        return MISSING
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if abs(value) >= HUGE:  # a typed 1E100: Babel's fixed patterns cannot expand it
        return babel_numbers.format_scientific(value, format="0.###E0", locale=locale(lang))
    pattern = "#,##0" + ("." + ("0" if fixed else "#") * decimals if decimals else "")
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return babel_numbers.format_decimal(value, format=pattern, locale=locale(lang))


def format_moment(moment: datetime, lang: str) -> str:
    """A date and time, short: 04/12/2026 06:15 in Portuguese, 12/4/26, 6:15 AM in English."""
    return babel_dates.format_datetime(moment, "short", locale=locale(lang))


def format_integer(value: int | None, lang: str) -> str:
    """10.000 in Portuguese, 10,000 in English."""
    return format_decimal(value, lang, 0)


def format_general(value: float | None, lang: str) -> str:
    """A value the way a person writes it, as short as ``:g``: 0,001 / 2 / 1e-5."""
    if _is_missing(value):
        return MISSING
    if float(value).is_integer():
        return format_integer(int(value), lang)
    if abs(value) < 1e-4:
        mantissa, exponent = f"{value:.0e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return format_decimal(value, lang, 6, fixed=False)


def format_percent(fraction: float | None, lang: str, decimals: int = 1, *, signed: bool = False) -> str:
    """0.841 → '84,1%' / '84.1%' (no space before % in either language, as the project writes it)."""
    if _is_missing(fraction):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return babel_numbers.format_percent(fraction, format=pattern, locale=locale(lang))


def format_size(size_bytes: int, lang: str) -> str:
    """File and text sizes: '1.557,5 KB' (KB up to 10 MB, where MB reads better)."""
    if size_bytes >= 10 * 1024 ** 2:
        return f"{format_decimal(size_bytes / 1024 ** 2, lang, 1)} MB"
    if size_bytes >= 1024:
        return f"{format_decimal(size_bytes / 1024, lang, 1)} KB"
    return f"{format_integer(size_bytes, lang)} B"


def plural_category(count: float, lang: str) -> str:
    """CLDR plural category of ``count`` ('one' or 'other' in pt and en)."""
    return locale(lang).plural_form(abs(count))


@dataclass(frozen=True)
class LocalNumber:
    """A number that formats itself in ``lang`` inside ``str.format`` templates.

    The translation tables keep Python's format specs (``{loss:.4f}``, ``{share:.0%}``, ``{lr:g}``);
    ``t`` wraps every numeric parameter in this, so each spec comes out in the language's own marks.
    """

    value: float
    lang: str

    def __format__(self, spec: str) -> str:
        if spec in ("", "g", ",", "d", ",d"):
            return format_general(self.value, self.lang)
        if fixed := _FIXED.fullmatch(spec):
            return format_decimal(self.value, self.lang, int(fixed.group(1)))
        if percent := _PERCENT.fullmatch(spec):
            return format_percent(self.value, self.lang, int(percent.group(1)))
        return format(self.value, spec)  # widths and paddings such as 02d have no language

    def __str__(self) -> str:
        return format(self, "")
