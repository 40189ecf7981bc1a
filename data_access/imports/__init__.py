"""The import side: an uploaded file becomes one import batch, and can be undone.

In the order a file goes through them (the page, the command line and the
first-run samples all take this one path):

- read: ``read.prepare`` reads the bytes (in ``worker``'s process for the page and
  the CLI), recognises the file (``kind``) and grades its problems (``validation``);
- preview: ``matching`` finds the stored task or KPI of each row, ``plan_preview``
  and ``report_preview`` build the ``change_set`` staff confirm, ``number_clash``
  guards a plan's numbers;
- write: ``write.commit`` checks and writes the confirmed change set as one batch
  (``batch``; a new plan through ``new_plan``, stored tasks through ``task_update``,
  rows through ``rows``), logging every change (``change_log``);
- undo: ``history`` lists the batches and undoes the latest one.

``agencies`` holds the agency spellings and names the upload page adds.
"""
