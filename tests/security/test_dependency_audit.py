"""`make audit` fails when it could not check a package, unless told the network is unavailable.

The reports are real tool output recorded on a machine whose vulnerability services were
unreachable, and the same format with findings.
"""

import json
from pathlib import Path

import pytest

from tools.audit_dependencies import judge_npm_audit, judge_pip_audit, verdict

REPORTS = Path(__file__).parent / "audit_reports"


def report(name):
    return json.loads((REPORTS / name).read_text())


def clean_npm():
    return judge_npm_audit(report("npm_audit_clean.json"), ["axe-core"])


def test_an_audit_that_reached_nothing_fails_loudly(capsys):
    unreachable = judge_pip_audit(report("pip_audit_unreachable.json"))

    assert verdict([unreachable, clean_npm()], offline=False) == 2
    out = capsys.readouterr().out
    assert "3 package(s) could NOT be audited" in out
    assert "django: Dependency not found on PyPI" in out


def test_told_the_network_is_unavailable_it_still_names_what_went_unchecked(capsys):
    unreachable = judge_pip_audit(report("pip_audit_unreachable.json"))

    assert verdict([unreachable, clean_npm()], offline=True) == 0
    assert "could NOT be audited" in capsys.readouterr().out


def test_an_npm_audit_error_counts_as_unchecked_not_as_clean():
    npm = judge_npm_audit(report("npm_audit_unreachable.json"), ["axe-core"])

    assert npm.unchecked and not npm.audited
    assert verdict([judge_pip_audit(report("pip_audit_clean.json")), npm], offline=False) == 2


@pytest.mark.parametrize("offline", [False, True])
def test_a_known_vulnerability_fails_even_offline(offline, capsys):
    vulnerable = judge_pip_audit(report("pip_audit_vulnerable.json"))

    assert verdict([vulnerable, clean_npm()], offline=offline) == 1
    assert "VULNERABLE pillow 13.0.0: PYSEC-2099-1 (fixed in 13.0.1)" in capsys.readouterr().out


def test_a_clean_audit_of_every_package_passes():
    assert verdict([judge_pip_audit(report("pip_audit_clean.json")), clean_npm()], offline=False) == 0


def test_an_empty_pip_audit_report_is_not_a_clean_one():
    assert verdict([judge_pip_audit({"dependencies": []}), clean_npm()], offline=False) == 2
