"""The query side: what the pages, exports and reports read; nothing here writes.

- ``tasks``: the task frame (tasks with plan, section, deadline and agencies);
  ``latest_reports``: which reports count on a day; ``packed``: large reads;
- the status engine: ``status`` (each task's status as of a date, and the rates),
  ``status_rules`` and ``plan_facts`` (the plans' own rules), ``statuses`` (the
  categories);
- ``rollups`` (per agency, month, ageing), ``plans``, ``kpis``, ``filters``;
- ``reporting`` and ``reporting_calendar`` (periodic reports, reminder letters);
- ``task_record`` (everything about one task), ``status_export`` (the CLI export).
"""
