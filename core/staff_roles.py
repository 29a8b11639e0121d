"""Names of the staff groups, shared by every app's editorial set-up.

Each app's data migration gets-or-creates these groups by name and adds the permissions
it owns, so a fresh site always has them and running the set-up again changes nothing.
"""

COMMUNICATIONS_TEAM = "Communications team"  # writes and publishes anything
MODERATORS = "Moderators"  # approves or rejects stories and comments
PLEDGE_LEADS = "Pledge leads"  # adds progress updates to the pledges they lead
DATA_OFFICERS = "Data officers"  # downloads consultation responses with personal data; answers data requests
