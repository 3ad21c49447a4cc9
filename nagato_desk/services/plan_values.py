"""Numbers of the dream plan (survey figures, indicator values): decimals with at most two places."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from nagato_desk.errors import problem

VALUE_LIMIT = Decimal("1e12")


def parse_value(
    value: object, what_ja: str = "数値", what_en: str = "value", field: str = "value"
) -> Decimal | None:
    """A value as typed (``"78.5"``, ``"1,200"``, ``"７８．５"``, ``"78.5%"``) or a number, as a Decimal.

    Empty → None. Refused (ValidationError naming ``field``): not a number, more than two decimal
    places, or absurdly large.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise problem(f"{what_ja}は数値で入力してください。", f"The {what_en} must be a number.", field=field)
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "").rstrip("%").strip()
        text = text.replace("−", "-").replace("△", "-").replace("▲", "-")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise problem(
                f"{what_ja}「{value}」は数値で入力してください。",
                f"The {what_en} '{value}' is not a number.",
                field=field,
            ) from None
    if not number.is_finite() or abs(number) >= VALUE_LIMIT:
        raise problem(
            f"{what_ja}「{value}」が大きすぎます。", f"The {what_en} '{value}' is too large.", field=field
        )
    if (number * 100) != (number * 100).to_integral_value():
        raise problem(
            f"{what_ja}「{value}」は小数第2位までにしてください。",
            f"The {what_en} '{value}' has more than two decimal places.",
            field=field,
        )
    return number if number != number.to_integral_value() else number.quantize(Decimal(1))


def format_value(value: Decimal | int | None, unit: str = "") -> str:
    """``Decimal("78.50")`` → ``"78.5"``; ``1200`` → ``"1,200"``; None → ``"—"``; negative with △."""
    if value is None:
        return "—"
    number = Decimal(value)
    sign = "△" if number < 0 else ""
    number = abs(number)
    whole = int(number)
    frac = number - whole
    text = f"{whole:,}"
    if frac:
        text += str(frac.normalize())[1:]  # ".5"
    return f"{sign}{text}{unit}"
