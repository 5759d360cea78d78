"""What members keep and are told about: saved searches and their alerts, followed practices,
selections of practices (above ``members`` and ``search``)."""
