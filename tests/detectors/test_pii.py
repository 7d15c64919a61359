"""Personal data: what a user sees when a post holds an address, a number or a BSN.

Positives check the whole path a user notices: the exact characters are
marked, the post is blocked, the suggestion masks the value and the safer
text no longer holds it. Near misses are the numbers that fill ordinary posts
(orders, dates, prices, years, postcodes, versions) and values that fail their
checksum: none of them may be reported as personal data.
"""

from __future__ import annotations

from typing import Any

import pytest

from precheck.core.model import Category, Finding, Severity, Verdict
from precheck.detectors import masks


def found(case: str, post: str, kind: str, marked: str, channel: str = "public") -> Any:
    return pytest.param(post, kind, marked, channel, id=case)


def near_miss(case: str, post: str, marked: str) -> Any:
    return pytest.param(post, marked, id=case)


# a post, the kind, the exact characters marked; the channel when it matters
FOUND = [
    # e-mail
    found(
        "email-en",
        "Questions about the tender? Mail sanne.meijer@example.com before Friday.",
        "email", "sanne.meijer@example.com",
    ),
    found(
        "email-nl",
        "Stuur je cv naar p.dejong@northwind.example, dan neem ik contact op.",
        "email", "p.dejong@northwind.example",
    ),
    found("email-upper", "EMAIL ME: JAN.DEVRIES@KPNMAIL.NL", "email", "JAN.DEVRIES@KPNMAIL.NL"),
    found("email-colon", "E-mail:jan.devries@example.com", "email", "jan.devries@example.com"),
    found(
        "email-mailto",
        "Vragen? mailto:karin.smit@bakkerij.example",
        "email", "karin.smit@bakkerij.example",
    ),
    found(
        "email-obfuscated-en",
        "For the spare pallets contact j.bakker (at) gmail (dot) com today.",
        "email", "j.bakker (at) gmail (dot) com",
    ),
    found(
        "email-obfuscated-nl",
        "Mail mij op jan.devries [apenstaartje] ziggo [punt] nl voor de foto's.",
        "email", "jan.devries [apenstaartje] ziggo [punt] nl",
    ),
    # phone numbers: Dutch formats
    found(
        "phone-06-dash",
        "Bel me gerust op 06-12345678 als je vragen hebt.",
        "phone_number", "06-12345678",
    ),
    found(
        "phone-06-spaced",
        "Mijn nummer is 06 1234 5678, app me maar.",
        "phone_number", "06 1234 5678",
    ),
    found(
        "phone-plus31",
        "Call me on +31 6 12345678 after the keynote.",
        "phone_number", "+31 6 12345678",
    ),
    found(
        "phone-area-brackets",
        "Piet is thuis bereikbaar op (020) 123 4567.",
        "phone_number", "(020) 123 4567",
    ),
    found(
        "phone-0031",
        "Vanuit het buitenland bel je Els op 0031 20 1234567.",
        "phone_number", "0031 20 1234567",
    ),
    found(
        "phone-plus31-trunk",
        "Ask for Jan on +31 (0)6 1234 5678 tonight.",
        "phone_number", "+31 (0)6 1234 5678",
    ),
    found(
        "phone-internal",
        "Els ligt in het ziekenhuis, stuur haar een berichtje: 06 1873 4402.",
        "phone_number", "06 1873 4402", channel="internal",
    ),
    # phone numbers: international
    found(
        "phone-uk",
        "My London number is +44 20 7946 0958 if you are in town.",
        "phone_number", "+44 20 7946 0958",
    ),
    found(
        "phone-us-intl",
        "Reach our SF lead directly at +1 (415) 555-2671.",
        "phone_number", "+1 (415) 555-2671",
    ),
    found(
        "phone-us-national",
        "Text me at (415) 555-0132 when you land.",
        "phone_number", "(415) 555-0132",
    ),
    # IBAN
    found(
        "iban-compact",
        "Voor het cadeau: maak je bijdrage over naar NL91ABNA0417164300 t.n.v. M. de Groot.",
        "iban", "NL91ABNA0417164300", channel="internal",
    ),
    found(
        "iban-grouped",
        "Donations for the charity run can go to NL91 ABNA 0417 1643 00, thanks!",
        "iban", "NL91 ABNA 0417 1643 00",
    ),
    found(
        "iban-lowercase",
        "Overmaken naar nl91abna0417164300 graag.",
        "iban", "nl91abna0417164300",
    ),
    found(
        "iban-german",
        "Refund please to DE89 3704 0044 0532 0130 00 before Friday.",
        "iban", "DE89 3704 0044 0532 0130 00",
    ),
    # payment cards
    found(
        "card-grouped",
        "The hotel emailed me someone else's booking, card number 4111 1111 1111 1111 and all.",
        "credit_card", "4111 1111 1111 1111",
    ),
    found(
        "card-dashes-nl",
        "Bedrijfscreditcard 5555-5555-5555-4444, geldig tot 09/27.",
        "credit_card", "5555-5555-5555-4444", channel="internal",
    ),
    found(
        "card-amex",
        "Amex 3714 496353 98431 for the taxi, please.",
        "credit_card", "3714 496353 98431",
    ),
    found(
        "card-plain",
        "Paid the conference fee with card 5555555555554444, can finance reimburse it?",
        "credit_card", "5555555555554444",
    ),
    # BSN (context word required, see rules/pii.yaml)
    found(
        "bsn-nl",
        "Kan HR de loonstrook nakijken? Zijn BSN is 268773130 en de loonheffing klopt niet.",
        "nl_bsn", "268773130", channel="internal",
    ),
    found(
        "bsn-dotted",
        "Voor de salarisadministratie: burgerservicenummer 1112.22.333.",
        "nl_bsn", "1112.22.333",
    ),
    found(
        "bsn-sofi",
        "Mijn oude sofinummer: 123 456 782, staat dat nog ergens?",
        "nl_bsn", "123 456 782",
    ),
    found(
        "bsn-en",
        "HR asked for my citizen service number, it's 123456782.",
        "nl_bsn", "123456782",
    ),
    # evasion: full-width digits and a zero-width space are still the number
    found("phone-fullwidth", "Tel: ０６-１２３４５６７８", "phone_number", "０６-１２３４５６７８"),
    found(
        "phone-zero-width",
        "Bel 06-1234\u200b5678 vanavond.",
        "phone_number", "06-1234\u200b5678",
    ),
]

# a post and the near miss in it that must not be marked as personal data
NOT_FOUND = [
    # checksums that fail
    near_miss(
        "iban-wrong-check-digit",
        "Overmaken naar NL92ABNA0417164300 graag.",
        "NL92ABNA0417164300",
    ),
    near_miss(
        "iban-mangled-bank",
        "Donations can go to NL91 1BNA 0417 1643 00 this week.",
        "NL91 1BNA 0417 1643 00",
    ),
    near_miss(
        "iban-slashes",
        "Slash as separator: AL47/2121/1009/0000/0002/3569/8741",
        "AL47/2121/1009/0000/0002/3569/8741",
    ),
    near_miss(
        "card-fails-luhn",
        "Card 4111 1111 1111 1112 was declined again.",
        "4111 1111 1111 1112",
    ),
    near_miss(
        "card-in-token",
        "Re-added the bot with xoxb-2048135792-6630419857213-Zq4EXAMPLE today.",
        "6630419857213",
    ),
    near_miss("bsn-fails-11-check", "Mijn BSN is 111222334, klopt dat?", "111222334"),
    near_miss("bsn-without-context", "Kun je 123456782 even in het systeem zetten?", "123456782"),
    near_miss("onderwijsnummer", "Het onderwijsnummer van de leerling is 100252333.", "100252333"),
    near_miss("vat-number", "Factuur graag op btw-nummer NL004495445B01.", "NL004495445B01"),
    # numbers of ordinary posts
    near_miss("order-nl", "Ordernummer 0201234567 is vandaag verzonden.", "0201234567"),
    near_miss("order-en", "Order #2024-118734 shipped today, 300 pallets in total.", "2024-118734"),
    near_miss("order-nine-digits", "Bestelnummer 612345678 is onderweg naar Venlo.", "612345678"),
    near_miss("ticket", "Ticket INC-0612345678 is closed, thanks IT!", "0612345678"),
    near_miss(
        "customer-number",
        "Customer number 0301234567 renewed for three years.",
        "0301234567",
    ),
    near_miss("date-dashes", "Op 12-03-2024 ging de nieuwe hub open.", "12-03-2024"),
    near_miss("date-iso", "Go-live: 2024-03-12, 14:30:00 sharp.", "2024-03-12"),
    near_miss(
        "price-nl",
        "Het pand ging voor €1.234.567 en de grond voor € 1.250.000,00 weg.",
        "1.234.567",
    ),
    near_miss("years", "Between 2019 and 2024 we planted 2025 trees.", "2019 and 2024"),
    near_miss("postcode", "Ons nieuwe adres is Laan van NOI 1, 2511 AB Den Haag.", "2511 AB"),
    near_miss(
        "version",
        "Upgraded the scanners to v10.2.3.4567 and firmware 1.20.3304.1102.",
        "10.2.3.4567",
    ),
    near_miss("times", "Open Monday to Saturday, 07:00 to 22:00.", "07:00 to 22:00"),
    # company lines meant for the public are not personal data
    near_miss(
        "service-line-088",
        "Onze klantenservice is bereikbaar via 088 214 6600.",
        "088 214 6600",
    ),
    near_miss("service-line-free", "Klantenservice: 0800-0123 of 0900-1234567.", "0800-0123"),
    near_miss(
        "service-line-fixed",
        "New opening hours for our customer service from 1 March: Monday to Saturday, "
        "07:00 to 22:00. You can reach the team at +31 10 799 4400.",
        "+31 10 799 4400",
    ),
    # e-mail look-alikes
    near_miss("user-at-no-domain", "Log in as user@ and then pick the right workspace.", "user@"),
    near_miss(
        "retina-asset",
        "Use logo@2x.png for retina screens and icon@3x.jpg for the app.",
        "logo@2x.png",
    ),
    near_miss(
        "git-remote",
        "Clone it with git@github.com:northwind/edi-parser.git please.",
        "git@github.com",
    ),
    near_miss("mentions", "Thanks @northwind and @jan.devries for the help!", "@jan.devries"),
    near_miss("no-tld", "my email is info@presidio.", "info@presidio"),
    near_miss(
        "credential-url",
        "postgres://admin:S3cret@db.example.com:5432/wms keeps timing out",
        "S3cret@db.example.com",
    ),
    near_miss("at-in-prose", "Meet me (at) noon. Lunch is on me.", "me (at) noon"),
]


def pii_findings(checker, text: str, channel: str = "public") -> list[Finding]:
    return [f for f in checker.check(text, channel=channel).findings if f.category is Category.PII]


@pytest.mark.parametrize(("post", "kind", "marked", "channel"), FOUND)
def test_personal_data_is_marked_blocked_and_masked(
    checker, post: str, kind: str, marked: str, channel: str
) -> None:
    report = checker.check(post, channel=channel)
    found = [f for f in report.findings if f.category is Category.PII and f.kind == kind]
    assert [f.text for f in found] == [marked], report.findings
    f = found[0]
    assert post[f.start:f.end] == marked
    assert f.severity is Severity.BLOCK
    assert report.verdict is Verdict.BLOCK
    assert f.message
    masked = f.suggestions[0]
    assert marked not in masked
    shown = sum(c.isalnum() for c in masked)
    assert shown <= sum(c.isalnum() for c in marked) // 2, "a mask shows under half the value"
    assert marked not in report.safer_text
    assert masked in report.safer_text


@pytest.mark.parametrize(("post", "marked"), NOT_FOUND)
def test_near_misses_are_not_personal_data(checker, post: str, marked: str) -> None:
    start = post.index(marked)
    end = start + len(marked)
    marked = [f for f in pii_findings(checker, post) if f.start < end and start < f.end]
    assert marked == []


def test_company_mailbox_warns_instead_of_blocking(checker) -> None:
    """info@, press@ are meant to be published; the author only confirms it is the official one."""
    post = "Journalists can mail press@northwind.example for the full report."
    (f,) = pii_findings(checker, post)
    assert (f.kind, f.text, f.severity) == ("email", "press@northwind.example", Severity.WARN)
    assert "press@northwind.example" not in f.suggestions[0]


def test_personal_number_on_company_line_context_is_still_reported(checker) -> None:
    """A service-desk cue does not hide a number that is said to be someone's own."""
    post = "The service desk is closed, so call Jan on his private number 010 123 4567."
    assert [f.text for f in pii_findings(checker, post)] == ["010 123 4567"]


def test_mobile_number_is_reported_even_next_to_customer_service(checker) -> None:
    post = "Klantenservice was dicht, dus bel onze collega Anouk op 06 2291 7345."
    assert [f.text for f in pii_findings(checker, post)] == ["06 2291 7345"]


def test_every_kind_in_one_post_is_found_once(checker) -> None:
    post = (
        "HR needs my details for the relocation: mail j.jansen@example.com or call 06-12345678. "
        "IBAN NL91ABNA0417164300, BSN 123456782, card 4111 1111 1111 1111."
    )
    kinds = sorted(f.kind for f in pii_findings(checker, post, channel="internal"))
    assert kinds == ["credit_card", "email", "iban", "nl_bsn", "phone_number"]


@pytest.mark.parametrize(
    ("mask", "value", "expected"),
    [
        (masks.email, "sanne.meijer@example.com", "s•••@e•••.com"),
        (masks.email, "henk.vos [at] example [dot] nl", "h•••@e•••.nl"),
        (masks.keep_last_4, "4111 1111 1111 1111", "•••• •••• •••• 1111"),
        (masks.iban, "NL91 ABNA 0417 1643 00", "NL•• •••• •••• ••43 00"),
        (masks.hide_all, "1112.22.333", "••••.••.•••"),
        (masks.phone, "06-12345678", "06-••••••78"),
    ],
)
def test_masks_keep_the_shape_and_hide_the_value(mask, value: str, expected: str) -> None:
    assert mask(value) == expected


def test_phone_mask_keeps_the_country_code_as_written(checker) -> None:
    (f,) = pii_findings(checker, "Bel Sanne op +31 6 4127 8830.")
    assert f.suggestions == ("+31 • •••• ••30",)
    (f,) = pii_findings(checker, "Bel Sanne op 0031 6 4127 8830.")
    assert f.suggestions == ("0031 • •••• ••30",)
