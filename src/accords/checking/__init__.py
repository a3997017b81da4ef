"""Checking a dataset: the rule catalogue, its configuration on the command line, the runner,
and ``validate``/``check`` returning a :class:`~accords.findings.CheckResult`."""
