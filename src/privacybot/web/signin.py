"""Sign-in, sign-out and the account page (language, personal API tokens).

The sign-in form has a CSRF token before there is a session: an HMAC of a random
pre-session cookie (``pb_login``). A successful sign-in always opens a new session
(new cookie value), so a cookie planted before sign-in is worth nothing after it.
Failed sign-ins go through ``staff.sign_in`` and its lock-out per account and client.
"""

from __future__ import annotations

import secrets

from fastapi import FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from privacybot.db.models import Staff
from privacybot.db.session import read_transaction, transaction
from privacybot.staff import (
    Client,
    SignInRefused,
    StaffError,
    create_token,
    find,
    live_tokens,
    revoke_token,
    set_language,
    sign_in,
)
from privacybot.web.auth import (
    COOKIE,
    LOGIN_COOKIE,
    Forbidden,
    NotSignedIn,
    Who,
    client_address,
    over_tls,
    session_who,
)
from privacybot.web.i18n import language_of_request, translator
from privacybot.web.present import local
from privacybot.web.render import render
from privacybot.web.sessions import close_session, csrf_matches, login_token, open_session
from privacybot.web.state import WebState


def safe_next(value: str | None) -> str:
    """Only a path on this site: never ``//evil.example`` or ``https://…`` (open redirect)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/cases"
    return value


def set_cookie(
    state: WebState, request: Request, response: Response, name: str, value: str
) -> None:
    response.set_cookie(
        name,
        value,
        httponly=True,
        samesite="lax",
        secure=over_tls(request, state.options.secure_cookies),
        path="/",
    )


def register(app: FastAPI, state: WebState) -> None:
    def login_page(
        request: Request,
        *,
        next_path: str = "/cases",
        email: str = "",
        error: str | None = None,
        status: int = 200,
    ) -> Response:
        cookie = request.cookies.get(LOGIN_COOKIE) or ""
        fresh = len(cookie) < 20 or len(cookie) > 100
        if fresh:
            cookie = secrets.token_urlsafe(24)
        t = translator(language_of_request(request))
        response = render(
            request,
            None,
            "login.html",
            status=status,
            login_csrf=login_token(state.key, cookie),
            next=safe_next(next_path),
            email=email,
            error=t("signin.err." + error) if error else None,
        )
        if fresh:
            set_cookie(state, request, response, LOGIN_COOKIE, cookie)
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> Response:
        """Staff go to the work queue; an anonymous visitor gets the sign-in page."""
        if session_who(state, request) is not None:
            return RedirectResponse("/cases", status_code=303)
        return login_page(request)

    @app.get("/login", include_in_schema=False)
    def login_form(request: Request, next: str = "/cases") -> Response:
        return login_page(request, next_path=next)

    @app.post("/login", include_in_schema=False)
    def login(
        request: Request,
        email: str = Form(""),
        password: str = Form(""),
        csrf: str = Form(""),
        next: str = Form("/cases"),
    ) -> Response:
        cookie = request.cookies.get(LOGIN_COOKIE, "")
        if not cookie or not csrf_matches(login_token(state.key, cookie), csrf):
            return login_page(request, next_path=next, email=email, error="csrf", status=403)
        now = state.clock.now()
        try:
            identity = sign_in(
                state.engine, email[:320], password[:1024], Client(client_address(request)), now
            )
        except SignInRefused as exc:
            response = login_page(
                request,
                next_path=next,
                email=email[:320],
                error="locked" if exc.retry_after else "wrong",
                status=429 if exc.retry_after else 401,
            )
            if exc.retry_after:
                response.headers["Retry-After"] = str(exc.retry_after)
            return response
        value = open_session(
            state.engine, identity, client_address(request), now, state.options.policy
        )
        response = RedirectResponse(safe_next(next), status_code=303)
        set_cookie(state, request, response, COOKIE, value)
        response.delete_cookie(LOGIN_COOKIE, path="/")
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form("")) -> Response:
        who = signed_in(state, request)
        check_csrf(who, csrf)
        close_session(state.engine, request.cookies.get(COOKIE, ""))
        response = RedirectResponse("/login?done=signed_out", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    def account_page(
        request: Request, who: Who, *, new_token: str | None = None, error: str | None = None
    ) -> Response:
        tz = state.desk.clockwork.tz
        with read_transaction(state.engine) as session:
            member = _member(session, who)
            tokens = [
                {
                    "id": tok.id,
                    "label": tok.label,
                    "created": local(tok.created, tz),
                    "used": local(tok.last_used_at, tz) if tok.last_used_at else None,
                }
                for tok in live_tokens(session, member)
            ]
        return render(
            request,
            who,
            "account.html",
            nav="account",
            tokens=tokens,
            new_token=new_token,
            error=error,
            status=422 if error else 200,
        )

    @app.get("/account", include_in_schema=False)
    def account(request: Request) -> Response:
        return account_page(request, signed_in(state, request))

    @app.post("/account/language", include_in_schema=False)
    def language(request: Request, csrf: str = Form(""), language: str = Form("")) -> Response:
        who = signed_in(state, request)
        check_csrf(who, csrf)
        try:
            with transaction(state.engine) as session:
                set_language(session, _member(session, who), language)
        except StaffError as exc:
            return account_page(request, who, error=str(exc))
        return RedirectResponse("/account?done=saved", status_code=303)

    @app.post("/account/tokens", include_in_schema=False)
    def new_token(request: Request, csrf: str = Form(""), label: str = Form("")) -> Response:
        who = signed_in(state, request)
        check_csrf(who, csrf)
        if not label.strip():
            return account_page(request, who, error="label")
        with transaction(state.engine) as session:
            token = create_token(session, _member(session, who), label, state.clock.now())
        response = account_page(request, who, new_token=token)
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.post("/account/tokens/{token_id}/revoke", include_in_schema=False)
    def revoke(request: Request, token_id: int, csrf: str = Form("")) -> Response:
        who = signed_in(state, request)
        check_csrf(who, csrf)
        with transaction(state.engine) as session:
            revoke_token(session, _member(session, who), token_id, state.clock.now())
        return RedirectResponse("/account?done=revoked", status_code=303)


def _member(session: Session, who: Who) -> Staff:
    member = find(session, who.email)
    if member is None:
        raise NotSignedIn()
    return member


def signed_in(state: WebState, request: Request) -> Who:
    who = session_who(state, request)
    if who is None:
        raise NotSignedIn(expired=bool(request.cookies.get(COOKIE)))
    return who


def check_csrf(who: Who, token: str | None) -> None:
    if who.csrf is None or not csrf_matches(who.csrf, token):
        raise Forbidden("csrf")
