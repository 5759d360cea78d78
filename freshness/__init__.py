"""Freshness kept by owners: who owns each practice, reminders when its last verification is
old (signed one-click answers, escalation to the network team), the editors' dashboard panel
(above ``alerts``)."""
