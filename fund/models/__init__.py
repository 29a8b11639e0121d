"""The People Make Places Fund: priorities, rounds, applications, assessments, projects and ballots.

One module per thing staff and residents name: priorities.py (the investment priorities),
pages.py (the fund, its rounds and the funded projects, all public pages), applications.py
(what community groups send and how it is assessed, never public) and ballots.py (residents'
votes on a round's shortlist).
"""

from .applications import Application, Assessment, BudgetLine, Score, SupportingDocument
from .ballots import Ballot, BallotChoice
from .pages import AssessmentCriterion, FundPage, FundRoundPage, ProjectPage, ProjectUpdate
from .priorities import Priority

__all__ = [
    "Application",
    "Assessment",
    "AssessmentCriterion",
    "Ballot",
    "BallotChoice",
    "BudgetLine",
    "FundPage",
    "FundRoundPage",
    "Priority",
    "ProjectPage",
    "ProjectUpdate",
    "Score",
    "SupportingDocument",
]
