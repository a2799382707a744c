"""Reply templates and their renderer, held to docs/rules.md R7-R14 and R19.

Every kind renders in both languages from ``sample_context``; the rule tests
then check the elements each rule demands, by rule id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path

import jinja2
import jinja2.meta
import pytest

from privacybot.domain import COMPANIES, Label, Language
from privacybot.replies import render as render_module
from privacybot.replies.kinds import (
    COMMON_OPTIONAL,
    REFUSAL_GROUNDS,
    RESERVED_NAMES,
    RESTRICTION_GROUNDS,
    SPECS,
    ReplyKind,
    required_context,
    sample_context,
    spec,
)
from privacybot.replies.policy import EN_HEADINGS, KNOWN_HEADINGS, load_policy, load_policy_en
from privacybot.replies.render import (
    RenderedReply,
    ReplyContextError,
    ReplyTemplateError,
    default_templates_dir,
    en_date,
    en_list,
    environment,
    nl_date,
    nl_list,
    reflow,
    render_reply,
)

LANGS = (Language.NL, Language.EN)
ALL = [(kind, lang) for kind in ReplyKind for lang in LANGS]
REF = "PRV-2026-00042"
AP = "Autoriteit Persoonsgegevens"
COURT = {Language.NL: "rechter", Language.EN: "court"}


def render(kind: ReplyKind, lang: Language, **overrides: object) -> RenderedReply:
    """Sample data plus what a test changes; ``_DROP`` removes a key."""
    context = {**sample_context(kind), **overrides}
    return render_reply(kind, lang, {k: v for k, v in context.items() if v is not _DROP})


_DROP = object()


def _text(reply: RenderedReply) -> str:
    return f"{reply.subject}\n{reply.body}"


def _copy_templates(tmp_path: Path) -> Path:
    target = tmp_path / "replies"
    target.mkdir()
    for source in default_templates_dir().glob("*.j2"):
        (target / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return target


# --- every kind, both languages ------------------------------------------------


@pytest.mark.parametrize(("kind", "lang"), ALL)
def test_every_kind_renders_in_both_languages(kind: ReplyKind, lang: Language) -> None:
    reply = render(kind, lang)
    assert reply.kind is kind and reply.language is lang
    assert reply.subject and "\n" not in reply.subject
    company = sample_context(kind).get("company") or "Conxillium"
    team = f"Privacyteam {company}" if lang is Language.NL else f"{company} Privacy Team"
    assert reply.body.endswith(f"{team}\n")  # signed for the company, in its language
    for leftover in ("{{", "{%", "}}", "None", "Undefined", "\n\n\n"):
        assert leftover not in _text(reply), leftover
    greeting = "Goedendag," if lang is Language.NL else "Hello,"
    assert reply.body.startswith(greeting)


def test_template_files_match_the_kinds_exactly() -> None:
    names = {p.name for p in default_templates_dir().glob("*.j2") if not p.name.startswith("_")}
    assert names == {f"{kind}.{lang}.j2" for kind, lang in ALL}


@pytest.mark.parametrize("path", sorted(default_templates_dir().glob("*.j2")), ids=lambda p: p.name)
def test_templates_use_only_declared_variables(path: Path) -> None:
    env = environment()
    source = path.read_text(encoding="utf-8")
    used = jinja2.meta.find_undeclared_variables(env.parse(source))
    if path.name.startswith("_"):
        allowed = set().union(*(s.accepted for s in SPECS.values()))
    else:
        allowed = set(spec(path.name.split(".")[0]).accepted)
    assert used <= allowed | RESERVED_NAMES, used - allowed - RESERVED_NAMES


def test_sample_contexts_cover_required_variables() -> None:
    for kind in ReplyKind:
        assert required_context(kind) <= sample_context(kind).keys(), kind


# --- strictness ----------------------------------------------------------------


def test_environment_is_strict_plain_text_and_trims_blocks() -> None:
    env = environment()
    assert env.undefined is jinja2.StrictUndefined
    assert env.autoescape is False
    assert env.trim_blocks and env.lstrip_blocks
    assert environment() is env  # cached


def test_undefined_variable_in_a_template_raises_a_clear_error(tmp_path: Path) -> None:
    templates = _copy_templates(tmp_path)
    (templates / "verification_code.nl.j2").write_text(
        "Subject: [{{ reference }}] Code\n\n{{ code }} {{ codee }}\n", encoding="utf-8"
    )
    with pytest.raises(ReplyContextError, match="codee") as info:
        render_reply(
            ReplyKind.VERIFICATION_CODE,
            Language.NL,
            sample_context(ReplyKind.VERIFICATION_CODE),
            templates,
        )
    assert isinstance(info.value.__cause__, jinja2.UndefinedError)


def test_missing_required_variable_is_named() -> None:
    context = sample_context(ReplyKind.ACKNOWLEDGMENT)
    del context["due_date"]
    with pytest.raises(ReplyContextError, match="missing context variable.*due_date"):
        render_reply(ReplyKind.ACKNOWLEDGMENT, Language.NL, context)


def test_misspelt_variable_is_refused_not_ignored() -> None:
    context = {**sample_context(ReplyKind.ACKNOWLEDGMENT), "valid_hour": 12}
    with pytest.raises(ReplyContextError, match="unknown variable.*valid_hour"):
        render_reply(ReplyKind.ACKNOWLEDGMENT, Language.NL, context)


def test_renderer_owned_names_cannot_be_passed() -> None:
    context = {**sample_context(ReplyKind.ACKNOWLEDGMENT), "cited_sections": ()}
    with pytest.raises(ReplyContextError, match="reserved"):
        render_reply(ReplyKind.ACKNOWLEDGMENT, Language.NL, context)


@pytest.mark.parametrize(
    ("kind", "key", "value"),
    [
        (ReplyKind.REFUSAL, "ground", "we_do_not_feel_like_it"),
        (ReplyKind.ANSWER_RESTRICTION, "ground", "because"),
        (ReplyKind.VERIFICATION_CODE, "channel", "sms"),
        (ReplyKind.ANSWER_QUESTION, "section", "Beveiliging"),
        (ReplyKind.ACKNOWLEDGMENT, "rights", ("access", "everything")),
        (ReplyKind.ACKNOWLEDGMENT, "rights", "access"),
        (ReplyKind.ACKNOWLEDGMENT, "company", "Conxillium Holding"),
    ],
)
def test_values_out_of_range_are_refused(kind: ReplyKind, key: str, value: object) -> None:
    with pytest.raises(ReplyContextError, match=key):
        render(kind, Language.NL, **{key: value})


def test_unknown_kind_and_language_are_refused() -> None:
    with pytest.raises(ReplyContextError, match="acknowledgement"):
        render_reply("acknowledgement", Language.NL, {})
    with pytest.raises(ReplyContextError, match="de"):
        render_reply(ReplyKind.ACKNOWLEDGMENT, "de", sample_context(ReplyKind.ACKNOWLEDGMENT))


def test_datetime_is_refused_because_its_local_date_is_ambiguous() -> None:
    # R1: 2026-01-14T23:30Z is 15 January in Amsterdam; .date() would say the 14th.
    instant = datetime(2026, 1, 14, 23, 30, tzinfo=UTC)
    with pytest.raises(ReplyContextError, match="local date"):
        render(ReplyKind.ACKNOWLEDGMENT, Language.NL, received_date=instant)


def test_template_without_subject_line_is_refused(tmp_path: Path) -> None:
    templates = _copy_templates(tmp_path)
    (templates / "verification_code.en.j2").write_text("Your code: {{ code }}\n", "utf-8")
    with pytest.raises(ReplyTemplateError, match="Subject"):
        render_reply(
            ReplyKind.VERIFICATION_CODE,
            Language.EN,
            sample_context(ReplyKind.VERIFICATION_CODE),
            templates,
        )


# --- filters and layout --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (date(2026, 4, 7), "7 april 2026", "7 April 2026"),
        (date(2027, 3, 1), "1 maart 2027", "1 March 2027"),
        ("2026-12-28", "28 december 2026", "28 December 2026"),
        (date(2026, 5, 5), "5 mei 2026", "5 May 2026"),
    ],
)
def test_dates_are_written_out_per_language_without_locale(value: object, nl: str, en: str) -> None:
    assert nl_date(value) == nl
    assert en_date(value) == en


def test_lists_are_joined_as_people_write_them() -> None:
    assert nl_list(["a"]) == "a"
    assert nl_list(["a", "b", "c"]) == "a, b en c"
    assert nl_list(["a", "b"], "of") == "a of b"
    assert en_list(["a", "b", "c"]) == "a, b and c"
    assert en_list([]) == ""


def test_reflow_joins_paragraph_lines_and_keeps_lists_and_indented_lines() -> None:
    source = "Een zin\nloopt door.\n\n- punt een\n  nog\n- punt twee\n\n    123456\n"
    assert reflow(source) == "Een zin loopt door.\n\n- punt een\n  nog\n- punt twee\n\n    123456"


@pytest.mark.parametrize(("kind", "lang"), ALL)
def test_RFC3834_no_line_looks_like_quoted_mail(kind: ReplyKind, lang: Language) -> None:
    assert not any(line.startswith(">") for line in render(kind, lang).body.splitlines())


@pytest.mark.parametrize(("kind", "lang"), ALL)
def test_dates_render_in_the_reply_language(kind: ReplyKind, lang: Language) -> None:
    body = render(kind, lang).body
    months_nl = {"maart", "april", "juni"}
    months_en = {"March", "April", "June"}
    found_nl = {m for m in months_nl if re.search(rf"\d {m} 20\d\d", body)}
    found_en = {m for m in months_en if re.search(rf"\d {m} 20\d\d", body)}
    if lang is Language.NL:
        assert not found_en
    else:
        assert not found_nl


# --- R8: citations and elements per right --------------------------------------

#: R8's table, restated here independently of kinds.py.
R8_CITES: Mapping[ReplyKind, tuple[str, ...]] = {
    ReplyKind.ANSWER_ACCESS: (
        "Welke gegevens verwerken wij?",
        "Doeleinden",
        "Rechtsgrond voor de verwerking",
        "Wie ontvangen de gegevens?",
        "Bewaartermijn",
        "Uw rechten",
    ),
    ReplyKind.ANSWER_RECTIFICATION: ("Welke gegevens verwerken wij?", "Wie ontvangen de gegevens?"),
    ReplyKind.ANSWER_ERASURE: ("Bewaartermijn", "Rechtsgrond voor de verwerking"),
    ReplyKind.ANSWER_RESTRICTION: ("Doeleinden", "Uw rechten"),
    ReplyKind.ANSWER_PORTABILITY: ("Rechtsgrond voor de verwerking",),
    ReplyKind.ANSWER_OBJECTION: ("Rechtsgrond voor de verwerking", "Doeleinden"),
    ReplyKind.ANSWER_OBJECTION_MARKETING: ("Doeleinden", "Uw rechten"),
    ReplyKind.ANSWER_WITHDRAW_CONSENT: ("Rechtsgrond voor de verwerking", "Gebruik cookies"),
    ReplyKind.ANSWER_COMPLAINT: ("Uw rechten",),
}


def test_R8_cite_table_matches_the_rules() -> None:
    for kind, headings in R8_CITES.items():
        assert set(spec(kind).cites) == set(headings), kind


@pytest.mark.parametrize(("kind", "lang"), ALL)
def test_R8_reply_names_each_cited_heading(kind: ReplyKind, lang: Language) -> None:
    reply = render(kind, lang)
    expected = spec(kind).cites or (
        (sample_context(kind)["section"],) if kind is ReplyKind.ANSWER_QUESTION else ()
    )
    assert reply.cited_sections == expected
    for heading in reply.cited_sections:
        assert heading in reply.body  # Dutch original, also in English replies
        if lang is Language.EN:
            assert f"\u2018{EN_HEADINGS[heading]}\u2019 (\u2018{heading}\u2019)" in reply.body


def test_R8_cited_headings_exist_in_the_statement() -> None:
    headings = set(load_policy().headings)
    for kind_spec in SPECS.values():
        assert set(kind_spec.cites) <= headings


@pytest.mark.parametrize("lang", LANGS)
def test_R8_access_answer_holds_every_article_15_element(lang: Language) -> None:
    sample = sample_context(ReplyKind.ANSWER_ACCESS)
    reply = render(ReplyKind.ANSWER_ACCESS, lang)
    body = reply.body
    for key in ("purposes", "categories", "recipients", "legal_bases"):
        items = sample[key]
        assert isinstance(items, tuple)
        for item in items:
            assert f"- {item}" in body, item  # (a) (b) (c) by name
    assert "[[attachments]]" in body  # the copy (15(3)): the files are listed when sent
    assert str(sample["retention"]) in body  # (d)
    assert str(sample["source"]) in body  # (g)
    assert str(sample["automated_decision_making"]) in body  # (h), as staff state it
    assert str(sample["transfers_text"]) in body  # 15(2), as staff state it
    assert AP in body and "autoriteitpersoonsgegevens.nl" in body  # (f), R10
    if lang is Language.NL:
        assert "kopie" in body and "gangbaar elektronisch formaat" in body
        assert all(w in body for w in ("corrigeren", "verwijderen", "beperken", "bezwaar"))  # (e)
    else:
        assert "copy" in body and "common electronic format" in body
        assert all(w in body for w in ("correct", "erase", "restrict", "object"))


@pytest.mark.parametrize("lang", LANGS)
def test_R8_access_names_categories_only_where_naming_is_impossible(lang: Language) -> None:
    reply = render(
        ReplyKind.ANSWER_ACCESS,
        lang,
        recipients=(),
        recipient_categories=("Accountants",),
        transfers=(
            {"recipient": "Cloud Inc.", "country": "Verenigde Staten", "safeguard": "SCC's"},
        ),
        automated_decision_making="Wij beoordelen kredietaanvragen automatisch.",
    )
    assert "- Accountants" in reply.body
    assert "- Cloud Inc. (Verenigde Staten): SCC's" in reply.body  # 15(2) safeguard
    assert "Wij beoordelen kredietaanvragen automatisch." in reply.body


@pytest.mark.parametrize("lang", LANGS)
def test_letters_state_no_fact_that_comes_from_an_empty_field(lang: Language) -> None:
    """An empty list of recipients is not "we gave your data to no one" (issue 12.3)."""
    body = render(ReplyKind.ANSWER_ACCESS, lang, recipients=()).body
    for claim in ("aan niemand", "anyone outside", "geen profiel", "build a profile"):
        assert claim not in body
    from privacybot.cases.deadline import Clockwork, HolidayCalendar
    from privacybot.db.models import Case
    from privacybot.replies.context import has_placeholder, reply_context

    day, at = date(2026, 3, 6), datetime(2026, 3, 6, 9, 0, tzinfo=UTC)
    case = Case(
        reference=REF,
        year=2026,
        seq=42,
        company="Procura",
        language=lang.value,
        rights=["access"],
        received=at,
        receipt_date=day,
        due=day,
        gdpr_due=day,
        effective_due=day,
        created=at,
        updated=at,
    )
    clockwork = Clockwork(
        __import__("zoneinfo").ZoneInfo("Europe/Amsterdam"), HolidayCalendar.load()
    )
    for kind in (
        ReplyKind.ANSWER_ACCESS,
        ReplyKind.ANSWER_RECTIFICATION,
        ReplyKind.ANSWER_ERASURE,
        ReplyKind.ANSWER_RESTRICTION,
    ):
        drafted = render_reply(kind, lang, reply_context(kind, case, clockwork, language=lang))
        assert has_placeholder(drafted.body), kind  # a person fills the facts in


@pytest.mark.parametrize("lang", LANGS)
def test_R8_rectification_lists_recipients_only_on_request(lang: Language) -> None:
    quiet = render(ReplyKind.ANSWER_RECTIFICATION, lang).body
    assert "- Achternaam: De Vries" in quiet
    assert "Mailhost" not in quiet
    assert ("hun namen" in quiet) if lang is Language.NL else ("their names" in quiet)
    listed = render(ReplyKind.ANSWER_RECTIFICATION, lang, list_recipients=True).body
    assert "- Mailhost B.V." in listed


@pytest.mark.parametrize("lang", LANGS)
def test_R8_erasure_states_what_is_kept_with_ground_and_period(lang: Language) -> None:
    body = render(ReplyKind.ANSWER_ERASURE, lang).body
    assert "- Naam en e-mailadres in het klantsysteem" in body
    assert "wettelijke bewaarplicht, art. 17 lid 3 onder b AVG" in body
    assert "1 januari 2033" in body
    assert ("artikel 17, lid 3" in body) if lang is Language.NL else ("Article 17(3)" in body)


@pytest.mark.parametrize("lang", LANGS)
def test_R8_restriction_names_ground_and_notice_before_lifting(lang: Language) -> None:
    for ground in sorted(RESTRICTION_GROUNDS):
        body = render(ReplyKind.ANSWER_RESTRICTION, lang, ground=ground).body
        if lang is Language.NL:
            assert "Voordat wij de beperking opheffen, laten wij u dat weten." in body
            assert "artikel 18" in body
        else:
            assert "Before we lift the restriction, we will let you know." in body
            assert "Article 18" in body


@pytest.mark.parametrize("lang", LANGS)
def test_R8_portability_is_machine_readable_and_lists_its_files(lang: Language) -> None:
    body = render(ReplyKind.ANSWER_PORTABILITY, lang).body
    assert "[[attachments]]" in body and "PDF" not in body  # JSON/CSV/XML: checked at approval
    if lang is Language.NL:
        assert "gestructureerde, gangbare en machineleesbare vorm" in body
        assert "rechtstreeks" in body  # 20(2) direct transmission offered
    else:
        assert "structured, commonly used and machine-readable" in body
        assert "directly" in body
    sent = render(ReplyKind.ANSWER_PORTABILITY, lang, transmitted_to="Andere B.V.").body
    assert "Andere B.V." in sent


REFUSING = re.compile(
    r"weiger|afgewezen|afwijz|niet uitvoeren|dwingend|helaas|refus|declin|reject|"
    r"cannot|compelling|unfortunately",
    re.IGNORECASE,
)


@pytest.mark.parametrize("lang", LANGS)
def test_R8_R9_objection_to_marketing_is_never_refused(lang: Language) -> None:
    kind_spec = spec(ReplyKind.ANSWER_OBJECTION_MARKETING)
    assert "ground" not in kind_spec.accepted and "reasons" not in kind_spec.accepted
    for company in (None, "GeoTax"):
        for reference in (REF, _DROP):
            reply = render(
                ReplyKind.ANSWER_OBJECTION_MARKETING, lang, company=company, reference=reference
            )
            assert not REFUSING.search(_text(reply)), REFUSING.search(_text(reply))
            # Effective at receipt: the date named is the receipt date.
            assert (nl_date if lang is Language.NL else en_date)(date(2026, 3, 6)) in reply.body


@pytest.mark.parametrize("lang", LANGS)
def test_R8_withdrawal_of_consent_works_for_the_future_and_covers_cookies(lang: Language) -> None:
    body = render(ReplyKind.ANSWER_WITHDRAW_CONSENT, lang).body
    words = ("toekomst", "rechtmatig", "cookies") if lang is Language.NL else (
        "future", "lawful", "cookies"
    )  # fmt: skip
    assert all(word in body for word in words)


@pytest.mark.parametrize("heading", KNOWN_HEADINGS)
@pytest.mark.parametrize("lang", LANGS)
def test_R8_question_answer_quotes_the_matching_section(heading: str, lang: Language) -> None:
    reply = render(ReplyKind.ANSWER_QUESTION, lang, section=heading)
    assert reply.cited_sections == (heading,)
    # One language per letter: an English answer quotes our English rendering.
    section = load_policy().section(heading) if lang is Language.NL else load_policy_en()[heading]
    for line in section.splitlines():
        if line.strip():
            assert f"    {line.strip()}" in reply.body
    assert "Dat verschilt per soort gegeven." in reply.body


@pytest.mark.parametrize(
    "kind",
    [
        ReplyKind.ACKNOWLEDGMENT,
        ReplyKind.ANSWER_ACCESS,
        ReplyKind.ANSWER_ERASURE,
        ReplyKind.REFUSAL,
        ReplyKind.ANSWER_WITHDRAW_CONSENT,
        ReplyKind.ANSWER_OBJECTION_MARKETING,
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_R8_request_naming_no_company_covers_all_eight(kind: ReplyKind, lang: Language) -> None:
    everyone = render(kind, lang, company=None).body
    assert all(company in everyone for company in COMPANIES)
    one = render(kind, lang, company="JCC Software").body
    assert "JCC Software" in one
    assert not any(company in one for company in COMPANIES if company != "JCC Software")


# --- R10: the Autoriteit Persoonsgegevens and the court -------------------------


def _assert_ap_and_court(reply: RenderedReply) -> None:
    assert AP in reply.body and "autoriteitpersoonsgegevens.nl" in reply.body
    assert re.search(rf"\b{COURT[reply.language]}\b", reply.body)


@pytest.mark.parametrize("ground", sorted(REFUSAL_GROUNDS))
@pytest.mark.parametrize("lang", LANGS)
def test_R10_refusal_names_ap_and_court(ground: str, lang: Language) -> None:
    for partial in (False, True):
        reply = render(ReplyKind.REFUSAL, lang, ground=ground, partial=partial)
        _assert_ap_and_court(reply)
        assert "U vroeg deze week al vier keer" in reply.body  # R11: reasons given


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "kind",
    [ReplyKind.UNVERIFIED_CLOSURE, ReplyKind.EXTENSION_NOTICE, ReplyKind.ANSWER_COMPLAINT],
)
def test_R10_non_action_and_complaints_name_ap_and_court(kind: ReplyKind, lang: Language) -> None:
    _assert_ap_and_court(render(kind, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_R10_access_reply_names_ap(lang: Language) -> None:
    assert AP in render(ReplyKind.ANSWER_ACCESS, lang).body


@pytest.mark.parametrize("lang", LANGS)
def test_R10_partial_erasure_names_ap_and_court_full_erasure_need_not(lang: Language) -> None:
    _assert_ap_and_court(render(ReplyKind.ANSWER_ERASURE, lang))
    full = render(ReplyKind.ANSWER_ERASURE, lang, kept=())
    assert AP not in full.body


def test_R10_every_refusal_like_kind_is_flagged() -> None:
    for kind in (
        ReplyKind.REFUSAL,
        ReplyKind.UNVERIFIED_CLOSURE,
        ReplyKind.EXTENSION_NOTICE,
        ReplyKind.ANSWER_COMPLAINT,
    ):
        assert spec(kind).names_ap and spec(kind).names_court, kind
    assert spec(ReplyKind.ANSWER_ACCESS).names_ap
    assert spec(ReplyKind.ANSWER_ERASURE).remedies_when == "kept"


@pytest.mark.parametrize(("drop", "match"), [(AP, "Autoriteit"), ("rechter", "rechter")])
def test_R10_renderer_refuses_a_template_that_drops_ap_or_court(
    tmp_path: Path, drop: str, match: str
) -> None:
    templates = _copy_templates(tmp_path)
    macros = templates / "_macros.nl.j2"
    macros.write_text(macros.read_text("utf-8").replace(drop, "X"), "utf-8")
    with pytest.raises(ReplyTemplateError, match=match):
        render_reply(ReplyKind.REFUSAL, Language.NL, sample_context(ReplyKind.REFUSAL), templates)


def test_R8_renderer_refuses_a_template_that_drops_a_citation(tmp_path: Path) -> None:
    templates = _copy_templates(tmp_path)
    path = templates / "answer_portability.en.j2"
    path.write_text(path.read_text("utf-8").replace("{{ m.citation() }}", ""), "utf-8")
    with pytest.raises(ReplyTemplateError, match="Legal basis for processing"):
        render_reply(
            ReplyKind.ANSWER_PORTABILITY,
            Language.EN,
            sample_context(ReplyKind.ANSWER_PORTABILITY),
            templates,
        )


# --- R12-R14: identity, ID copies, personal data --------------------------------

ID_WORDS = re.compile(
    r"identiteitsbewijs|legitimatie|paspoort|rijbewijs|id-kaart|identiteitskaart|"
    r"\bBSN\b|burgerservicenummer|pasfoto|upload|passport|driving licen|identity document|"
    r"\bID\b|copy of your id",
    re.IGNORECASE,
)


@pytest.mark.parametrize(("kind", "lang"), [(k, v) for k, v in ALL if k != "id_copy_request"])
def test_R12_no_id_upload_path_in_ordinary_templates(kind: ReplyKind, lang: Language) -> None:
    reply = render(kind, lang)
    assert not ID_WORDS.search(_text(reply)), ID_WORDS.search(_text(reply))
    source = (default_templates_dir() / f"{kind}.{lang}.j2").read_text("utf-8")
    assert not ID_WORDS.search(source)


@pytest.mark.parametrize("lang", LANGS)
def test_R12_id_copy_request_asks_for_a_shielded_copy_deleted_after_checking(
    lang: Language,
) -> None:
    body = render(ReplyKind.ID_COPY_REQUEST, lang).body
    # Seen in a video call, never mailed as an attachment; what to shield; nothing kept.
    if lang is Language.NL:
        for phrase in ("videogesprek", "niet per e-mail", "(BSN)", "pasfoto", "bewaren niets"):
            assert phrase in body
        assert "bijlage" not in body
    else:
        for phrase in ("video call", "not send it by email", "(BSN)", "photo", "keep nothing"):
            assert phrase in body
        assert "attach" not in body
    assert "komt niet voor in onze administratie" in body  # staff's reason is given
    id_spec = spec(ReplyKind.ID_COPY_REQUEST)
    assert not id_spec.auto_send and "reason" in id_spec.required


@pytest.mark.parametrize("lang", LANGS)
def test_R12_representation_ack_is_neutral(lang: Language) -> None:
    rep_spec = spec(ReplyKind.REPRESENTATION_ACK)
    assert rep_spec.auto_send and not rep_spec.contains_personal_data
    assert rep_spec.accepted == {"reference", "received_date", *COMMON_OPTIONAL}
    body = render(ReplyKind.REPRESENTATION_ACK, lang).body
    assert REF in body
    assert not re.search(r"code|gegevens van|your data", body, re.IGNORECASE)


def test_R12_R14_kinds_that_may_carry_personal_data() -> None:
    personal = {k for k, s in SPECS.items() if s.contains_personal_data}
    assert personal == {
        ReplyKind.ANSWER_ACCESS,
        ReplyKind.ANSWER_ACCESS_NONE,
        ReplyKind.ANSWER_ACCESS_PROCESSOR,
        ReplyKind.ANSWER_COMPLAINT,
        ReplyKind.ANSWER_RECTIFICATION,
        ReplyKind.ANSWER_ERASURE,
        ReplyKind.ANSWER_RESTRICTION,
        ReplyKind.ANSWER_PORTABILITY,
        ReplyKind.ANSWER_OBJECTION,
        ReplyKind.REFUSAL,
    }
    # Nothing that goes out on its own may carry personal data.
    assert not any(s.auto_send and s.contains_personal_data for s in SPECS.values())


def test_R9_R7_what_goes_out_without_staff() -> None:
    automatic = {k for k, s in SPECS.items() if s.auto_send}
    assert automatic == {
        ReplyKind.ACKNOWLEDGMENT,
        ReplyKind.VERIFICATION_CODE,
        ReplyKind.VERIFICATION_REMINDER,
        ReplyKind.VERIFICATION_FAILED,
        ReplyKind.VERIFICATION_CONFIRMED,
        ReplyKind.UNVERIFIED_CLOSURE,
        ReplyKind.ANSWER_OBJECTION_MARKETING,
        ReplyKind.ANSWER_WITHDRAW_CONSENT,
        ReplyKind.ANSWER_MARKETING_AND_CONSENT,
        ReplyKind.REPRESENTATION_ACK,
    }
    timers = {k for k, s in SPECS.items() if s.timer}
    assert timers == {ReplyKind.VERIFICATION_REMINDER, ReplyKind.UNVERIFIED_CLOSURE}
    assert spec(ReplyKind.REFUSAL).outbound_kind == "staff"  # R11: staff only
    assert spec(ReplyKind.EXTENSION_NOTICE).outbound_kind == "staff"  # R5: staff only


def test_R19_outbound_kind_values_match_the_headers_module() -> None:
    headers = pytest.importorskip("privacybot.replies.headers")
    for kind_spec in SPECS.values():
        headers.OutboundKind(kind_spec.outbound_kind)
    assert spec(ReplyKind.ACKNOWLEDGMENT).outbound_kind == "bot_response"
    assert spec(ReplyKind.UNVERIFIED_CLOSURE).outbound_kind == "timer"


@pytest.mark.parametrize("lang", LANGS)
def test_R13_acknowledgment_carries_the_first_code(lang: Language) -> None:
    body = render(ReplyKind.ACKNOWLEDGMENT, lang).body
    assert "\n    004271\n" in body  # leading zeros kept, on a line of its own
    assert ("Antwoord daarom op deze e-mail" in body) if lang is Language.NL else (
        "reply to this email" in body
    )  # fmt: skip
    without = render(ReplyKind.ACKNOWLEDGMENT, lang, code=None).body
    assert "code" not in without.lower()
    assert (nl_date if lang is Language.NL else en_date)(date(2026, 4, 7)) in without


@pytest.mark.parametrize("lang", LANGS)
def test_R14_telegram_code_is_typed_in_telegram(lang: Language) -> None:
    body = render(ReplyKind.VERIFICATION_CODE, lang, channel="telegram").body
    assert "Telegram" in body and "004271" in body
    assert "Telegram" not in render(ReplyKind.VERIFICATION_CODE, lang).body


@pytest.mark.parametrize("lang", LANGS)
def test_R7_reminder_names_the_closure_date(lang: Language) -> None:
    body = render(ReplyKind.VERIFICATION_REMINDER, lang).body
    assert (nl_date if lang is Language.NL else en_date)(date(2026, 6, 29)) in body
    assert "918273" in body
    no_code = render(ReplyKind.VERIFICATION_REMINDER, lang, code=None).body
    assert "918273" not in no_code


# --- R19 subjects and the house style ------------------------------------------


@pytest.mark.parametrize(("kind", "lang"), ALL)
def test_R19_subject_holds_the_case_reference(kind: ReplyKind, lang: Language) -> None:
    assert f"[{REF}]" in render(kind, lang).subject


@pytest.mark.parametrize(
    "kind", [k for k, s in SPECS.items() if s.optional.get("reference", "") is None]
)
@pytest.mark.parametrize("lang", LANGS)
def test_R19_subject_without_a_case_has_no_token(kind: ReplyKind, lang: Language) -> None:
    reply = render(kind, lang, reference=_DROP)
    assert "[" not in reply.subject and not reply.subject.startswith(" ")


def test_R19_renderer_refuses_a_subject_that_drops_the_reference(tmp_path: Path) -> None:
    templates = _copy_templates(tmp_path)
    path = templates / "acknowledgment.nl.j2"
    path.write_text(path.read_text("utf-8").replace("[{{ reference }}] ", ""), "utf-8")
    with pytest.raises(ReplyTemplateError, match=r"subject lacks \[PRV-2026-00042\]"):
        render_reply(
            ReplyKind.ACKNOWLEDGMENT,
            Language.NL,
            sample_context(ReplyKind.ACKNOWLEDGMENT),
            templates,
        )


INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)


@pytest.mark.parametrize("kind", list(ReplyKind))
def test_dutch_replies_use_formal_u(kind: ReplyKind) -> None:
    reply = render(kind, Language.NL)
    assert not INFORMAL.search(_text(reply)), INFORMAL.search(_text(reply))
    assert re.search(r"\b[Uu]w?\b", reply.body)
    source = (default_templates_dir() / f"{kind}.nl.j2").read_text("utf-8")
    assert not INFORMAL.search(source)
    assert not INFORMAL.search((default_templates_dir() / "_macros.nl.j2").read_text("utf-8"))


def test_acknowledgment_speaks_the_rights_asked() -> None:
    rights = (Label.PORTABILITY, Label.OBJECTION)
    nl = render(ReplyKind.ACKNOWLEDGMENT, Language.NL, rights=rights).body
    assert "overdraagbaarheid" in nl and "bezwaar tegen het gebruik" in nl
    en = render(ReplyKind.ACKNOWLEDGMENT, Language.EN, rights=["question"]).body
    assert "It concerns a question about privacy." in en


def test_rendering_reads_the_statement_given(tmp_path: Path) -> None:
    policy = load_policy()
    alt = type(policy)(
        title=policy.title,
        preamble=policy.preamble,
        sections={**policy.sections, "Bewaartermijn": "Wij bewaren alles precies zeven jaar."},
    )
    reply = render_module.render_reply(
        ReplyKind.ANSWER_QUESTION,
        Language.NL,
        sample_context(ReplyKind.ANSWER_QUESTION),
        policy=alt,
    )
    assert "    Wij bewaren alles precies zeven jaar." in reply.body


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("right", [None, "erasure", "access"])
def test_optional_words_never_glue_to_the_next_line(lang: Language, right: str | None) -> None:
    """A Jinja block at a line's end eats its newline: ``gegevens(zaaknummer`` went out."""
    for kind in ReplyKind:
        extra = {"right": right} if kind is ReplyKind.REFUSAL and right else {}
        text = _text(render(kind, lang, **extra))
        glued = re.findall(r"[^\W\d_]\(|\)[^\W\d_]", text)
        assert not glued, (kind, glued)


@pytest.mark.parametrize("lang", LANGS)
def test_a_name_that_opens_a_sentence_starts_with_a_capital(lang: Language) -> None:
    text = _text(render(ReplyKind.ANSWER_ACCESS_PROCESSOR, lang, controller="de gemeente Zwolle"))
    assert re.search(r"\. De gemeente Zwolle (bepaalt|decides)", text), text
    assert not re.search(r"[.!?] de gemeente", text)
