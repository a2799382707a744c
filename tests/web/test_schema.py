"""schemathesis against /openapi.json: no server error and no undocumented status.

Every API operation runs with generated input, as an officer with a token, on a desk
that has a verified case, its answer waiting and a message in the triage queue, so
the happy paths are reachable as well as the refusals.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.flow.helpers import mail
from tests.web.conftest import OLGA, Web, bearer, verified_request

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis not installed")


@pytest.mark.slow  # another program: a subprocess or a server
def test_the_api_answers_only_documented_statuses_and_never_a_server_error(web: Web) -> None:
    from schemathesis.checks import not_a_server_error, status_code_conformance

    verified_request(web.flow)
    web.flow.receive(
        mail("hallo", sender="robot@example.nl", headers={"Auto-Submitted": "auto-generated"})
    )
    headers = bearer(web, OLGA)
    schema = schemathesis.openapi.from_asgi("/openapi.json", web.app, headers=headers)
    failures: list[str] = []
    calls: list[int] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 18, [op.label for op in operations]
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            # A fixed seed: the same inputs every run, so the reachability check below
            # cannot pass one day and fail the next.
            derandomize=True,
        )
        def check(case: object) -> None:
            response = case.call(headers=headers)  # type: ignore[attr-defined]
            calls.append(response.status_code)
            case.validate_response(  # type: ignore[attr-defined]
                response, checks=[not_a_server_error, status_code_conformance]
            )

        try:
            check()
        except Exception as exc:  # the first failure of this operation, in one line
            failures.append(f"{operation.label}: {type(exc).__name__}: {str(exc)[:800]}")
    assert not failures, "\n\n".join(failures)
    assert len(calls) > 5 * len(operations)
    assert {200, 404, 409} <= set(calls), sorted(set(calls))
