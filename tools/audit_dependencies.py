"""Audit the pinned dependencies for known vulnerabilities, and never pass an audit that audited nothing.

pip-audit exits 0 when it cannot reach its vulnerability service: every package is listed
as skipped and the run looks green. npm audit prints "found 0 vulnerabilities" in some
failures too. This wrapper reads both tools' JSON and judges it itself:

- a known vulnerability fails the run (exit 1);
- a package that could not be checked fails the run (exit 2), loudly, unless the caller says
  the network is unavailable (`--offline` or AUDIT_OFFLINE=1), when it still prints which
  packages went unchecked but exits 0.

Usage: `make audit` (or `python -m tools.audit_dependencies [--offline]`).
"""

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ("requirements.txt", "requirements-dev.txt")


@dataclass
class AuditResult:
    tool: str
    audited: list[str] = field(default_factory=list)
    vulnerable: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)


def judge_pip_audit(report):
    """Sort pip-audit's JSON report (`-f json`) into audited, vulnerable and unchecked packages."""
    result = AuditResult("pip-audit")
    for dependency in report.get("dependencies", []):
        name = f"{dependency['name']} {dependency.get('version', '')}".strip()
        if "skip_reason" in dependency:
            result.unchecked.append(f"{name}: {dependency['skip_reason']}")
            continue
        result.audited.append(name)
        for vuln in dependency.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version"
            result.vulnerable.append(f"{name}: {vuln['id']} (fixed in {fixed})")
    if not report.get("dependencies"):
        result.unchecked.append("pip-audit reported no packages at all")
    return result


def judge_npm_audit(report, locked_packages):
    """Sort `npm audit --json` output; an error report means nothing was checked."""
    result = AuditResult("npm audit")
    if "error" in report or "metadata" not in report:
        reason = report.get("message") or report.get("error", {}).get("summary") or "no audit metadata"
        result.unchecked.extend(f"{name}: {reason}" for name in locked_packages or ["(the npm lock file)"])
        return result
    result.audited.extend(locked_packages)
    for name, vuln in report.get("vulnerabilities", {}).items():
        result.vulnerable.append(f"{name}: {vuln.get('severity', 'unknown')} severity")
    return result


def run_pip_audit():
    command = [sys.executable, "-m", "pip_audit", "--no-deps", "--disable-pip", "--progress-spinner", "off"]
    command += [arg for name in REQUIREMENTS for arg in ("-r", str(ROOT / name))]
    completed = subprocess.run([*command, "-f", "json"], capture_output=True, text=True, cwd=ROOT, check=False)
    try:
        return judge_pip_audit(json.loads(completed.stdout or "{}"))
    except json.JSONDecodeError:
        return AuditResult("pip-audit", unchecked=[f"pip-audit failed: {completed.stderr.strip()[-500:]}"])


def locked_npm_packages():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    return [path.removeprefix("node_modules/") for path in lock.get("packages", {}) if path]


def run_npm_audit():
    try:
        completed = subprocess.run(["npm", "audit", "--json"], capture_output=True, text=True, cwd=ROOT, check=False)
    except FileNotFoundError:
        return AuditResult("npm audit", unchecked=["npm is not installed"])
    try:
        report = json.loads(completed.stdout or "{}")
    except json.JSONDecodeError:
        report = {"message": completed.stderr.strip()[-500:]}
    return judge_npm_audit(report, locked_npm_packages())


def verdict(results, offline):
    """Print the findings; return the exit status."""
    status = 0
    for result in results:
        print(
            f"{result.tool}: {len(result.audited)} checked, {len(result.vulnerable)} vulnerable, {len(result.unchecked)} NOT checked"
        )
        for line in result.vulnerable:
            print(f"  VULNERABLE {line}")
    unchecked = [line for result in results for line in result.unchecked]
    if any(result.vulnerable for result in results):
        status = 1
    if unchecked:
        print()
        print("!" * 78)
        print(f"!! {len(unchecked)} package(s) could NOT be audited: their vulnerability status is unknown.")
        for line in unchecked:
            print(f"!!   {line}")
        if offline:
            print("!! Told the network is unavailable (--offline / AUDIT_OFFLINE=1): not failing for this.")
        else:
            print("!! Failing. Run again where the vulnerability services are reachable, or pass --offline.")
            status = status or 2
        print("!" * 78)
    return status


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offline", action="store_true", default=os.environ.get("AUDIT_OFFLINE") == "1")
    args = parser.parse_args(argv)
    return verdict([run_pip_audit(), run_npm_audit()], offline=args.offline)


if __name__ == "__main__":
    sys.exit(main())
