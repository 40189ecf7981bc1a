"""Agencies report their own progress, for the Sở to approve (issue 14, part 3).

- ``form``: the fields a reporter fills in and the evidence file, checked by content;
- ``review``: ``submit``, ``approve``, ``return_submission`` (each takes the acting account);
- ``views``: the agency's list, the approval queue with its diff, a task's audit, and the
  evidence files (read by the agency and the Sở only);
- ``agency_tasks``: "Nhiệm vụ của đơn vị", the tasks an agency leads and coordinates;
- ``current``: a task's current report, as a submission is compared with it;
- ``from_file``: the agency's filled progress template, its rows accepted or refused, and
  sent at once (all or none).
"""
