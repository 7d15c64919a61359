"""Phone numbers, found and validated by Google's libphonenumber.

A regex cannot tell a phone number from an order number; libphonenumber
knows every country's numbering plan. Its matcher runs with region NL, so
Dutch numbers written nationally (06-12345678, (020) 123 4567) are found, and
so is any number written in international form (+44 ..., 0031 ...).

Leniency VALID is the one that fits posts: POSSIBLE also accepts dates, prices
and version numbers (12-03-2024, 1.234.567, 1.2.3.4567) and Dutch numbers
without their trunk 0 (any nine-digit order number), while STRICT_GROUPING
drops numbers grouped the way people actually type them (06 1234 5678,
+31 6 4127 8830).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneNumber, PhoneNumberMatcher, PhoneNumberType

from precheck.core.context import CheckContext
from precheck.core.detector import RuleMeta
from precheck.core.model import Category, Finding, Severity
from precheck.detectors.lexicon import load_lexicon
from precheck.detectors.masks import phone as mask_phone

META = RuleMeta.worded(
    "builtin/phone-number", Category.PII, "phone_number", Severity.BLOCK,
    load_lexicon("pii", "messages")["phone_number"],
)

DEFAULT_REGION = "NL"
MIN_DIGITS = 7

# A run of digits and the characters phone numbers are written with. The
# matcher costs a quarter of a millisecond per post, so it runs only when some
# run holds enough digits to be a phone number; years, counts and times never do.
_DIGIT_RUN = re.compile(r"[+(]?\d[\d \-.()/\u00a0]*")

# North American numbers written nationally: (415) 555-0132, 415-555-0132.
# NL is the default region, so these need a second look with region US; the
# 3-3-4 grouping with separators is required, because ten plain digits (or
# 2024-118734) are far more often an order number than a US phone.
_NANP = re.compile(r"(?<![\w+.\-/])(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w\-/]|\.\d)")

# Numbers meant for the public: free, paid and company-wide service lines
# (0800, 0900, 088 in the Netherlands). They never reach one person.
_SERVICE_TYPES = frozenset({
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.UAN,
})
_PERSONAL_TYPES = frozenset({
    PhoneNumberType.MOBILE,
    PhoneNumberType.PERSONAL_NUMBER,
    PhoneNumberType.PAGER,
})

# A fixed line published as the company's customer service or reception line
# is not personal data. The cue often sits a sentence earlier ("our customer
# service ... You can reach the team at ..."), hence the wide window.
_ORGANISATION_CUES = re.compile(
    r"customer service|customer support|customer care|klantenservice|klantendienst|helpdesk|"
    r"help desk|service ?desk|support line|hotline|reception|receptie|front desk|switchboard|"
    r"main number|hoofdnummer|head office|hoofdkantoor|opening hours|openingstijden|"
    r"openingsuren|contactformulier|contact form|call centre|call center|callcenter"
)
_ORGANISATION_WINDOW = 120
# ...unless the number is said to be someone's own.
_PERSONAL_CUES = re.compile(
    r"\b(?:private|privé|prive|home|thuis|personal|persoonlijke?|mobile|mobiel|cell|gsm|"
    r"whatsapp|my number|mijn nummer|his number|her number|zijn nummer|haar nummer)\b"
)
_PERSONAL_WINDOW = 40

# An identifier label right before the digits makes them an identifier, even
# when they happen to form a valid number: "order 0201234567", "factuur #0612345678",
# "SSN 0780511201". Document and account numbers are other kinds of data.
_ID_LABEL = re.compile(
    r"(?:\b(?:order|bestelling|bestel|factuur|invoice|ticket|tracking|zending|shipment|parcel|"
    r"pakket|referentie|reference|ref|kenmerk|dossier|sku|serial|serie|incident|artikel|"
    r"article|ssn|bsn|sofi|burgerservice|nhs|nino|passport|paspoort|rijbewijs|licen[cs]e|kvk|"
    r"btw|vat|iban|rekening)\w*|\b(?:klant|customer|account|lid|member|contract|polis|policy)\s*"
    r"(?:nummer|number|nr\.?|no\.?|id))\s*(?:n[or]\.?|number|nummer|id)?\s*[:#.]?\s*#?\s*$"
)
_ID_WINDOW = 30
_PHONE_CUES = re.compile(
    r"\b(?:call|phone|tel|telephone|mobile|mobiel|bel|bellen|telefoon|whatsapp|sms|text|"
    r"reach|bereikbaar|nummer|number)\b"
)


class PhoneDetector:
    """Model-free, so phone numbers are marked in the fast tier while the user types.

    Every candidate passes three questions before it is reported: is it a
    service line meant for the public, is it labelled as some other
    identifier, and does the text say it is a company line? Mobiles and
    numbers said to be someone's own are reported whatever the context.
    """

    id = "phones"
    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(self, region: str = DEFAULT_REGION) -> None:
        self.region = region

    def detect(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.norm.text
        if not _worth_matching(text):
            return
        taken: list[tuple[int, int]] = []
        for match in PhoneNumberMatcher(text, self.region, leniency=Leniency.VALID):
            taken.append((match.start, match.end))
            finding = self._finding(ctx, match.start, match.end, match.raw_string, match.number)
            if finding is not None:
                yield finding
        for candidate in _NANP.finditer(text):
            start, end = candidate.span()
            if any(start < b and a < end for a, b in taken):
                continue
            number = _parse(candidate.group(), "US")
            if number is not None:
                finding = self._finding(ctx, start, end, candidate.group(), number)
                if finding is not None:
                    yield finding

    def _finding(
        self, ctx: CheckContext, start: int, end: int, raw: str, number: PhoneNumber
    ) -> Finding | None:
        text = ctx.norm.text
        kind = phonenumbers.number_type(number)
        if kind in _SERVICE_TYPES:
            return None
        if _labelled_identifier(text, start) or _glued(text, start, end):
            return None
        personal = kind in _PERSONAL_TYPES or _near(
            _PERSONAL_CUES, text, start, end, _PERSONAL_WINDOW
        )
        if not personal and _near(_ORGANISATION_CUES, text, start, end, _ORGANISATION_WINDOW):
            return None
        confidence = 0.9 if personal else 0.8
        if _near(_PHONE_CUES, text, start, end, _PERSONAL_WINDOW):
            confidence += 0.1
        a, b = ctx.norm.to_original(start, end)
        original = ctx.text[a:b]
        masked = mask_phone(original, keep_prefix=_prefix_digits(raw, number))
        return META.make(ctx, a, b, confidence=confidence, suggestions=(masked,))


def _worth_matching(text: str) -> bool:
    """Only a run with at least seven digits can hold a phone number."""
    if sum(c.isdigit() for c in text) < MIN_DIGITS:
        return False
    return any(
        sum(c.isdigit() for c in run.group()) >= MIN_DIGITS for run in _DIGIT_RUN.finditer(text)
    )


def _parse(raw: str, region: str) -> PhoneNumber | None:
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _near(cues: re.Pattern[str], text: str, start: int, end: int, window: int) -> bool:
    """Cue words in the window around a match; slices are lowered, not the whole text,
    because lowering can change a string's length and so shift every offset after it."""
    before = text[max(0, start - window):start].lower()
    after = text[end:end + window // 2].lower()
    return bool(cues.search(before) or cues.search(after))


def _labelled_identifier(text: str, start: int) -> bool:
    return bool(_ID_LABEL.search(text[max(0, start - _ID_WINDOW):start].lower()))


def _glued(text: str, start: int, end: int) -> bool:
    """INC-0612345678, #0201234567, 0612345678_b: part of a longer identifier, not a number."""
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    if before.endswith("#"):
        return True
    if len(before) == 2 and before[1] in "-_/" and before[0].isalpha():
        return True
    return len(after) == 2 and after[0] in "-_/" and after[1].isalpha()


def _prefix_digits(raw: str, number: PhoneNumber) -> int:
    """How many leading digits the mask keeps: the country code as written, else 0 plus one."""
    stripped = raw.lstrip("( ")
    if stripped.startswith("+"):
        return len(str(number.country_code))
    if stripped.startswith("00"):
        return 2 + len(str(number.country_code))
    return 2
