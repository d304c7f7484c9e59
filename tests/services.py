"""The real services some tests run against: PostgreSQL and a Ray cluster.

``.ci/run`` starts them and exports their addresses; on a laptop without it those tests skip and
say why, and in CI (``CI=true``) a missing service fails the run instead of skipping silently.
"""

from __future__ import annotations

import os

import pytest

DATABASE_VARIABLE = "TEXTLAB_TEST_DATABASE_URL"
RAY_VARIABLE = "TEXTLAB_TEST_RAY_ADDRESS"


def service_address(variable: str, what: str) -> str:
    """The service's address from ``variable``, or a skip (a failure in CI) when it is not set."""
    address = os.environ.get(variable)
    if address:
        return address
    reason = f"{what} not available: set {variable}"
    # Fails only where .ci/run promised the services (it sets TEXTLAB_TEST_SERVICES=required once
    # it starts them), so a CI=true run in a plain checkout still skips, saying why.
    if os.environ.get("CI") and os.environ.get("TEXTLAB_TEST_SERVICES") == "required":
        pytest.fail(f"tests with {what} must run in CI, but {reason}")
    pytest.skip(reason)


def empty_postgres_url() -> str:
    """The test PostgreSQL database, emptied of every table so each test starts from nothing.

    The whole schema goes, not a list of textlab's tables, so a table a later schema adds is never left over.
    """
    import sqlalchemy as sa

    url = service_address(DATABASE_VARIABLE, "PostgreSQL")
    engine = sa.create_engine(sa.make_url(url).set(drivername="postgresql+psycopg"))
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url
